-- extra (not in locks.md): DROP TABLE of a partition
DROP TABLE events_2023;
