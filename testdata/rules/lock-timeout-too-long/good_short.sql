SET lock_timeout = '2s';
SET lock_timeout = 10000;
SET lock_timeout TO '10s';
SET lock_timeout = '500ms';
BEGIN;
SET LOCAL lock_timeout = '3s';
COMMIT;
SELECT set_config('lock_timeout', '5s', true);
-- Not lock_timeout: statement_timeout = 0 is common before a long CONCURRENTLY build.
SET statement_timeout = 0;
-- Back to the server default: not a value this migration chose.
RESET lock_timeout;
SET lock_timeout TO DEFAULT;
