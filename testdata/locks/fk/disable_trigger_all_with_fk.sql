-- locks.md #79 disable_trigger_all_with_fk: ShareRowExclusive
ALTER TABLE big DISABLE TRIGGER ALL;
