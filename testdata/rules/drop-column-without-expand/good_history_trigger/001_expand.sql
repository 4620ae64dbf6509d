-- accounts was never created by these migrations: pre-existing.
ALTER TABLE accounts ADD COLUMN email_normalized text;
CREATE TRIGGER accounts_email_sync BEFORE INSERT OR UPDATE ON accounts
    FOR EACH ROW EXECUTE FUNCTION accounts_sync_email();
