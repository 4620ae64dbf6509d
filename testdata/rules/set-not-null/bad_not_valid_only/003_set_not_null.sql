-- The CHECK was never validated, so it proves nothing: a full scan under AccessExclusiveLock.
ALTER TABLE accounts ALTER COLUMN email SET NOT NULL;
-- expect: set-not-null 2:22
