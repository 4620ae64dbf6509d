-- Even on a brand-new partitioned table the statement fails.
CREATE TABLE audit_log (id bigint NOT NULL, at timestamptz NOT NULL) PARTITION BY RANGE (at);
CREATE INDEX CONCURRENTLY audit_log_at_idx ON audit_log (at);
-- expect: concurrently-on-partitioned-table 3:1
CREATE INDEX CONCURRENTLY audit_log_id_idx ON ONLY audit_log (id);
-- expect: concurrently-on-partitioned-table 5:1
