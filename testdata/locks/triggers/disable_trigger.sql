-- locks.md #77 disable_trigger: ShareRowExclusive
ALTER TABLE big DISABLE TRIGGER big_trg;
