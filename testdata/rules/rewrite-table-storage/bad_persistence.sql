ALTER TABLE events SET UNLOGGED;
-- expect: rewrite-table-storage 1:20
ALTER TABLE IF EXISTS public.audit_log SET LOGGED;
-- expect: rewrite-table-storage 3:40
-- Two storage changes in one statement: each is reported on its own clause.
ALTER TABLE sessions SET TABLESPACE fast_ssd, SET LOGGED;
-- expect: rewrite-table-storage 6:22
-- expect: rewrite-table-storage 6:47
