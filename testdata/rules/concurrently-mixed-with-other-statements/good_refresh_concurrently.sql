-- REFRESH MATERIALIZED VIEW CONCURRENTLY runs inside a transaction block: mixing it is fine.
UPDATE account_totals_config SET refreshed_by = 'migration';
REFRESH MATERIALIZED VIEW CONCURRENTLY account_totals;
