-- Operational steps in a migration of their own.
SET lock_timeout = '2s';
REINDEX INDEX CONCURRENTLY users_name_idx;
ALTER COLLATION "de-DE-x-icu" REFRESH VERSION;
ALTER EXTENSION pg_trgm UPDATE;
