DROP VIEW report_totals;
DROP MATERIALIZED VIEW IF EXISTS report_cache;
DROP INDEX CONCURRENTLY IF EXISTS reports_created_at_idx;
DROP SEQUENCE legacy_seq;
ALTER TABLE reports DROP COLUMN body;
