CREATE TABLE measurements (id bigint, taken_at timestamptz NOT NULL) PARTITION BY RANGE (taken_at);
CREATE INDEX measurements_taken_at_idx ON ONLY measurements (taken_at);
