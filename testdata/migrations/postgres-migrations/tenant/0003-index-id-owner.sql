-- postgres-migrations disable-transaction
CREATE INDEX CONCURRENTLY buckets_id_owner_idx ON buckets (id, owner);
