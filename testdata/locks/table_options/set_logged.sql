-- locks.md #64 set_logged: rewrite
ALTER TABLE big_unlogged SET LOGGED;
