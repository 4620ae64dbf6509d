DROP TABLE legacy_reports;
-- expect: drop-table-without-expand 1:1
DROP TABLE IF EXISTS old_a, billing.old_b CASCADE;
-- expect: drop-table-without-expand 3:1
CREATE TABLE scratch (id bigint);
  DROP TABLE scratch, legacy_totals;
-- expect: drop-table-without-expand 6:3
