-- forgets the default
ALTER TABLE orders ALTER COLUMN note DROP NOT NULL;
-- expect: down-does-not-revert-up 2:1
