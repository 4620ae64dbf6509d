ALTER TABLE page_views SET LOGGED;
-- expect: rewrite-table-storage 1:24
ALTER INDEX page_views_path_idx SET TABLESPACE fast_ssd;
-- expect: rewrite-table-storage 3:33
