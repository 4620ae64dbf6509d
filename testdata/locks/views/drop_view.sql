-- extra (not in locks.md): DROP VIEW
DROP VIEW big_v;
