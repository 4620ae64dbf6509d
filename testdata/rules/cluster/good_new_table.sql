CREATE TABLE import_batches (id bigint PRIMARY KEY, loaded_at timestamptz);
CREATE INDEX import_batches_loaded_at_idx ON import_batches (loaded_at);
CLUSTER import_batches USING import_batches_loaded_at_idx;
