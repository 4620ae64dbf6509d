-- extra (not in locks.md): a SELECT from a data-modifying WITH query: RowExclusive on its target
WITH renamed AS (UPDATE parent SET name = 'x' WHERE id = 2 RETURNING id) SELECT * FROM renamed;
