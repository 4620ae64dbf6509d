SET lock_timeout = '2s';
ALTER TABLE accounts ADD COLUMN nickname text;
RESET lock_timeout;
ALTER TABLE accounts ADD COLUMN handle text;
-- expect: missing-lock-timeout 4:1
SET lock_timeout = '2s';
SET lock_timeout TO DEFAULT;
ALTER TABLE accounts DROP COLUMN legacy;
-- expect: missing-lock-timeout 8:1
SET lock_timeout = 0;
ALTER TABLE accounts RENAME COLUMN name TO full_name;
-- expect: missing-lock-timeout 11:1
