SET lock_timeout = '2s';
ALTER TABLE accounts ADD COLUMN nickname text;
CREATE INDEX accounts_email_idx ON accounts (email);
SELECT set_config('lock_timeout', '0', false);
SELECT set_config('lock_timeout', '1500ms', false);
DROP INDEX orders_status_idx;
