CREATE TABLE accounts (id bigint PRIMARY KEY);
CREATE TABLE events (id bigint, account_id bigint, at timestamptz NOT NULL) PARTITION BY RANGE (at);
