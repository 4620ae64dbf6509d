-- locks.md #78 enable_trigger: ShareRowExclusive
ALTER TABLE big ENABLE TRIGGER big_trg;
