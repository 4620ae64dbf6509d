-- contract-like changes of existing tables
TRUNCATE imports;
ALTER TABLE accounts RENAME COLUMN plan TO plan_name;
ALTER TABLE audit_events RENAME TO audit_log;
ALTER TABLE accounts ADD COLUMN owner_id bigint NOT NULL;
DROP TABLE countries CASCADE;
-- expect: truncate 2:1
-- expect: rename-column 3:1
-- expect: rename-table 4:1
-- expect: add-column-not-null-without-default 5:33
-- expect: drop-cascade 6:1
