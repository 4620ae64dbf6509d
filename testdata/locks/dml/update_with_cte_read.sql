-- extra (not in locks.md): an UPDATE whose WITH query reads another table: AccessShare on it (the
-- WITH query's name, ids, is no relation)
WITH ids AS (SELECT id FROM parent WHERE id <= 3) UPDATE big SET n = 0 WHERE parent_id IN (SELECT id FROM ids);
