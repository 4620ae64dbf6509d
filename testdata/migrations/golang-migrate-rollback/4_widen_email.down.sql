-- expect: down-does-not-revert-up 2:1
ALTER TABLE users ALTER COLUMN email TYPE text;
