-- zdlint-test: pg-version=11
-- PostgreSQL 11 has no REINDEX CONCURRENTLY; the finding stands, the help changes.
REINDEX INDEX accounts_email_idx;
-- expect: reindex-non-concurrent 3:1
