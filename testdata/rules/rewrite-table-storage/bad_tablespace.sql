ALTER TABLE accounts SET TABLESPACE fast_ssd;
-- expect: rewrite-table-storage 1:22
ALTER INDEX accounts_email_idx SET TABLESPACE fast_ssd;
-- expect: rewrite-table-storage 3:32
ALTER MATERIALIZED VIEW daily_totals SET TABLESPACE fast_ssd;
-- expect: rewrite-table-storage 5:38
ALTER TABLE ALL IN TABLESPACE old_disks SET TABLESPACE new_disks;
-- expect: rewrite-table-storage 7:1
