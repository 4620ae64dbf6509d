BEGIN;
SET LOCAL lock_timeout = '2s';
-- ShareUpdateExclusiveLock: not AccessExclusiveLock.
ALTER TABLE accounts VALIDATE CONSTRAINT accounts_email_check;
UPDATE accounts SET email = lower(email) WHERE id < 10000;
COMMIT;
