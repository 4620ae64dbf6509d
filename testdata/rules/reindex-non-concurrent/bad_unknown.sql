-- Neither the index nor the table was created by the migrations zdlint read.
REINDEX INDEX accounts_email_idx;
-- expect: reindex-non-concurrent 2:1
REINDEX TABLE accounts;
-- expect: reindex-non-concurrent 4:1
REINDEX (VERBOSE) TABLE public.orders;
-- expect: reindex-non-concurrent 6:1
REINDEX SCHEMA app;
-- expect: reindex-non-concurrent 8:1
REINDEX DATABASE app;
-- expect: reindex-non-concurrent 10:1
REINDEX (CONCURRENTLY false) INDEX orders_pkey;
-- expect: reindex-non-concurrent 12:1
