-- The column was added earlier, but the backfill and the drop ship together.
UPDATE users SET email_address = email WHERE id BETWEEN 1 AND 10000;
ALTER TABLE users DROP COLUMN email;
-- expect: expand-contract-same-migration 3:19
-- Copied out with SELECT *: every column goes with it.
INSERT INTO users_archive SELECT * FROM users WHERE id < 1000;
ALTER TABLE users DROP COLUMN legacy_flags;
-- expect: expand-contract-same-migration 7:19
