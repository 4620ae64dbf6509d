ALTER TABLE users ADD COLUMN email_address text;
UPDATE users SET email_address = email WHERE id BETWEEN 1 AND 10000;
ALTER TABLE users DROP COLUMN email;
-- expect: expand-contract-same-migration 3:19
