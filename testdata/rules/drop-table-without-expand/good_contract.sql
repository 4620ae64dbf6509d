SET lock_timeout = '2s';
DROP TABLE legacy_reports;
DROP TABLE IF EXISTS legacy_totals;
/* zdlint-contract: 2024_06_stop_using_legacy_reports */
