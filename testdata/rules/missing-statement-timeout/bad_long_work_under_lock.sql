SET lock_timeout = '2s';
CREATE INDEX accounts_email_idx ON accounts (email);
-- expect: missing-statement-timeout 2:1
ALTER TABLE accounts ADD CONSTRAINT accounts_age_check CHECK (age >= 0);
-- expect: missing-statement-timeout 4:1
ALTER TABLE accounts ALTER COLUMN id TYPE bigint;
-- expect: missing-statement-timeout 6:1
VACUUM FULL orders;
-- expect: missing-statement-timeout 8:1
