-- These look alike but run inside a transaction block (PostgreSQL 15).
BEGIN;
REFRESH MATERIALIZED VIEW CONCURRENTLY account_totals;
REINDEX INDEX accounts_pkey;
ANALYZE accounts;
CLUSTER accounts USING accounts_pkey;
ALTER TYPE account_status ADD VALUE 'archived';
ALTER TABLE events DETACH PARTITION events_2020;
COMMIT;
