-- extra (not in locks.md): SELECT ... FOR UPDATE
SELECT id FROM big WHERE id = 1 FOR UPDATE;
