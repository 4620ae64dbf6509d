-- ExclusiveLock: reads of the view continue during the refresh.
REFRESH MATERIALIZED VIEW CONCURRENTLY daily_totals;
BEGIN;
REFRESH MATERIALIZED VIEW CONCURRENTLY reporting.monthly_totals WITH DATA;
COMMIT;
