-- extra (not in locks.md): a data-modifying WITH query locks its target as that statement would:
-- RowExclusive on parent and its index
WITH gone AS (DELETE FROM parent WHERE id = 10 RETURNING id) UPDATE big SET n = 0 WHERE parent_id IN (SELECT id FROM gone);
