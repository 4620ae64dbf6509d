-- locks.md #111 analyze: ShareUpdateExclusive
ANALYZE big;
