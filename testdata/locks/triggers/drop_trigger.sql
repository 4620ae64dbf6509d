-- locks.md #76 drop_trigger: AccessExclusive
DROP TRIGGER big_trg ON big;
