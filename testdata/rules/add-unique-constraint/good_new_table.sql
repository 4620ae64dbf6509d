CREATE TABLE handles (id bigint PRIMARY KEY, handle text NOT NULL);
-- handles is new in this migration: empty and unused.
ALTER TABLE handles ADD CONSTRAINT handles_handle_key UNIQUE (handle);
