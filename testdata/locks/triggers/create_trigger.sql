-- locks.md #75 create_trigger: ShareRowExclusive
CREATE TRIGGER big_trg2 BEFORE UPDATE ON big FOR EACH ROW EXECUTE FUNCTION touch();
