-- whole-table data changes, and a table created in this migration
UPDATE accounts SET status = 'active';
DELETE FROM audit_events WHERE true;
CREATE TABLE import_batches (id bigint PRIMARY KEY, raw text);
ALTER TABLE import_batches ADD COLUMN source text NOT NULL;
INSERT INTO import_batches SELECT id, raw, 'legacy' FROM imports;
UPDATE import_batches SET raw = trim(raw);
ALTER TABLE import_batches RENAME COLUMN raw TO payload;
TRUNCATE import_batches;
DROP TABLE import_batches CASCADE;
-- expect: unbatched-backfill 2:1
-- expect: unbatched-backfill 3:1
-- expect: unbatched-backfill 6:1
---- create above / drop below ----
TRUNCATE audit_events;
