SET lock_timeout = 0;
-- expect: lock-timeout-too-long 1:20
SET lock_timeout = '1min';
-- expect: lock-timeout-too-long 3:20
BEGIN;
SET LOCAL lock_timeout TO '30s';
-- expect: lock-timeout-too-long 6:27
COMMIT;
SELECT set_config('lock_timeout', '0', false);
-- expect: lock-timeout-too-long 9:35
set lock_timeout = 60000;
-- expect: lock-timeout-too-long 11:20
