-- The column exists: ADD COLUMN IF NOT EXISTS does nothing, its UNIQUE included.
ALTER TABLE accounts ADD COLUMN IF NOT EXISTS email text UNIQUE;
