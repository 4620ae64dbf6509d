-- Concourse's migrator runs every file in its own transaction: CONCURRENTLY cannot work here.
CREATE INDEX CONCURRENTLY builds_status_idx ON builds (status);
-- expect: concurrently-in-transaction 2:1
