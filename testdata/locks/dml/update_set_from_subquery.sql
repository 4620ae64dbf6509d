-- extra (not in locks.md): a backfill whose SET reads another table through a subquery: AccessShare
-- on that table
UPDATE big SET t = (SELECT name FROM parent WHERE parent.id = big.parent_id) WHERE id <= 10;
