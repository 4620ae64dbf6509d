-- V2's validated CHECK proves email IS NOT NULL; name has none, so the statement scans.
ALTER TABLE accounts
  ALTER COLUMN email SET NOT NULL,
  ALTER COLUMN name SET NOT NULL;
-- expect: set-not-null 4:3
