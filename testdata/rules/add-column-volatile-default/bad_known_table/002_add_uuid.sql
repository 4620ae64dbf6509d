-- events was created by an earlier migration: it is in use now, and its two indexes are rebuilt.
ALTER TABLE events ADD COLUMN public_id uuid NOT NULL DEFAULT gen_random_uuid();
-- expect: add-column-volatile-default 2:31
