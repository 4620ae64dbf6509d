CREATE INDEX CONCURRENTLY events_id_kind_idx ON events (id, kind);
-- expect: concurrently-in-transaction 1:1
