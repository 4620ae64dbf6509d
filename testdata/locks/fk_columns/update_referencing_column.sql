-- extra (not in locks.md): an UPDATE of a referencing column checks the new value FOR KEY SHARE:
-- RowShare on parent and on each of its indexes
UPDATE big SET parent_id = 2 WHERE id = 7;
