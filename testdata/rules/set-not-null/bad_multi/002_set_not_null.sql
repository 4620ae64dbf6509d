-- email is proven by a validated CHECK; name is not, so the statement scans.
ALTER TABLE accounts
  ALTER COLUMN email SET NOT NULL,
  ALTER COLUMN name SET NOT NULL;
-- expect: set-not-null 4:3
