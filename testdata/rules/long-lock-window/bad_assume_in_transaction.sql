-- zdlint-test: assume-in-transaction
SET LOCAL lock_timeout = '2s';
ALTER TABLE accounts RENAME COLUMN name TO full_name;
INSERT INTO audit_log (event) VALUES ('renamed accounts.name');
-- expect: long-lock-window 4:1
