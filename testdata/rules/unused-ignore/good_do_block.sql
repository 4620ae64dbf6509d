SET lock_timeout = '2s';
-- zdlint-ignore rename-column: titel was added by the previous, unreleased migration
DO $$
BEGIN
  ALTER TABLE projects RENAME COLUMN titel TO title;
END
$$;
