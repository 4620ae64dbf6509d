CREATE UNIQUE INDEX CONCURRENTLY events_id_idx ON events (id);
