-- A stored generated column is computed and written for every existing row: a rewrite.
ALTER TABLE orders ADD COLUMN total_cents bigint GENERATED ALWAYS AS (quantity * unit_cents) STORED;
-- expect: add-column-volatile-default 2:31
ALTER TABLE orders
  ADD COLUMN note text,
  ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce(note, ''))) STORED;
-- expect: add-column-volatile-default 6:14
