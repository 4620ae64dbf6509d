-- Flyway runs a file that holds a non-transactional statement without a transaction.
CREATE INDEX CONCURRENTLY orders_placed_at_idx ON orders (placed_at);
