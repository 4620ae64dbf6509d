-- extra (not in locks.md): SELECT from a partitioned table: the planner locks every partition, nested ones too
SELECT count(*) FROM m;
