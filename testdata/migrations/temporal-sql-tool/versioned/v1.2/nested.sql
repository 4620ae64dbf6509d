BEGIN;
CREATE INDEX CONCURRENTLY tasks_id_namespace_idx ON tasks (id, namespace_id);
COMMIT;
-- expect: concurrently-in-transaction 2:1
