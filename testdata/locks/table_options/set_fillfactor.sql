-- locks.md #65 set_fillfactor: ShareUpdateExclusive
ALTER TABLE big SET (fillfactor = 70);
