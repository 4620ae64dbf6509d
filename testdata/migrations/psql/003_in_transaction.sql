\set ON_ERROR_STOP on
BEGIN;
CREATE INDEX CONCURRENTLY books_id_title_idx ON books (id, title);
COMMIT;
-- expect: concurrently-in-transaction 3:1
