BEGIN;
ALTER TABLE accounts ADD COLUMN status text;
COMMIT;
UPDATE accounts SET status = 'active' WHERE id < 10000;
