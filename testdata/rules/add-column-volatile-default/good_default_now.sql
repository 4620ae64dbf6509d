-- now() is STABLE: evaluated once and stored as the fast default (PostgreSQL 11+).
ALTER TABLE accounts ADD COLUMN c timestamptz DEFAULT now();
ALTER TABLE accounts ADD COLUMN d text DEFAULT 'x';
