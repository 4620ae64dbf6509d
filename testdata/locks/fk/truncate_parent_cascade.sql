-- extra (not in locks.md): TRUNCATE of the referenced table with CASCADE
-- oracle: new-filenode-without-rewrite
TRUNCATE parent CASCADE;
