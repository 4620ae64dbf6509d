-- extra (not in locks.md): DELETE whose WHERE names no partition-key column: nothing is pruned
DELETE FROM m WHERE v = 3;
