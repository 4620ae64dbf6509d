CREATE INDEX CONCURRENTLY carts_owner_idx ON carts (owner);
-- expect: concurrently-in-transaction 1:1
