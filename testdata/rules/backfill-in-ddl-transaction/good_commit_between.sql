BEGIN;
ALTER TABLE accounts ADD COLUMN status text;
COMMIT;
BEGIN;
UPDATE accounts SET status = 'active' WHERE id < 10000;
COMMIT;
