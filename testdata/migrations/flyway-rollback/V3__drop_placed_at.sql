ALTER TABLE orders DROP COLUMN placed_at;
-- expect: missing-down-migration 1:1
