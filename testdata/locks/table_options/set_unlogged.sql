-- locks.md #63 set_unlogged: rewrite
ALTER TABLE big SET UNLOGGED;
