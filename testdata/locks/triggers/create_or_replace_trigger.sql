-- extra (not in locks.md): CREATE OR REPLACE TRIGGER of an existing trigger
CREATE OR REPLACE TRIGGER big_trg BEFORE INSERT ON big FOR EACH ROW EXECUTE FUNCTION touch();
