SET lock_timeout = '2s';
DROP INDEX CONCURRENTLY users_id_email_idx;
