ALTER TABLE accounts ADD COLUMN nickname text;
-- expect: missing-lock-timeout 1:1
