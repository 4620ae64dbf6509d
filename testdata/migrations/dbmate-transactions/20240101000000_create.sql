-- migrate:up
CREATE TABLE accounts (id bigint PRIMARY KEY, plan text, status text);
CREATE TABLE audit_events (id bigint PRIMARY KEY, payload text);
CREATE TABLE imports (id bigint PRIMARY KEY, raw text);
CREATE TABLE countries (code text PRIMARY KEY, name text);

-- migrate:down
DROP TABLE countries;
DROP TABLE imports;
DROP TABLE audit_events;
DROP TABLE accounts;
