-- brings the column back NOT NULL, where it was nullable
ALTER TABLE posts ADD COLUMN body text NOT NULL DEFAULT '';
-- expect: down-does-not-revert-up 2:1
