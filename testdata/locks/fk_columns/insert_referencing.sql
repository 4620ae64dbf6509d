-- extra (not in locks.md): an INSERT into a referencing table checks each foreign key with a query
-- that locks the referenced row FOR KEY SHARE: RowShare on parent and on each of its indexes
INSERT INTO big VALUES (100, 1, 'c1', 'new');
