-- postgres-migrations runs each file in a transaction unless its first line opts out.
CREATE INDEX CONCURRENTLY buckets_owner_idx ON buckets (owner);
-- expect: concurrently-in-transaction 2:1
