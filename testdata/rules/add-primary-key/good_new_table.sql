CREATE TABLE audit_log (id bigint, at timestamptz);
-- audit_log is new in this migration: empty and unused.
ALTER TABLE audit_log ADD PRIMARY KEY (id);
