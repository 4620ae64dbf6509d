-- The column exists already: ADD COLUMN IF NOT EXISTS is a no-op with a notice, nothing is rewritten.
ALTER TABLE events ADD COLUMN IF NOT EXISTS seq bigserial;
-- A constant default on a known table stays catalog-only.
ALTER TABLE events ADD COLUMN kind text NOT NULL DEFAULT 'click';
