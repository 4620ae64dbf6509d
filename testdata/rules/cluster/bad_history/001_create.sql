CREATE TABLE events (id bigint PRIMARY KEY, created_at timestamptz NOT NULL);
CREATE INDEX events_created_at_idx ON events (created_at);
ALTER TABLE events CLUSTER ON events_created_at_idx;
