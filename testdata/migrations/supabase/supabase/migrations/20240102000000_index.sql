CREATE INDEX CONCURRENTLY notes_body_idx ON notes (body);
CREATE INDEX CONCURRENTLY notes_id_body_idx ON notes (id, body);
-- expect: concurrently-in-transaction 2:1
