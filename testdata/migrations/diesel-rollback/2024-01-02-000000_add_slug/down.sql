-- drops the column, but the unique constraint goes with it: reverts the up exactly
ALTER TABLE posts DROP COLUMN slug;
