-- extra (not in locks.md): ALTER VIEW ... RENAME
ALTER VIEW big_v RENAME TO big_v2;
