SET statement_timeout = '5min';
SET statement_timeout = 0;
ALTER TABLE accounts ALTER COLUMN email SET NOT NULL;
-- expect: missing-statement-timeout 3:1
