-- Up Migration
ALTER TABLE users ADD COLUMN email_address text;
CREATE FUNCTION users_sync_email() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.email_address := NEW.email;
  RETURN NEW;
END
$$;
CREATE TRIGGER users_sync_email BEFORE INSERT OR UPDATE ON users
  FOR EACH ROW EXECUTE FUNCTION users_sync_email();
CREATE TABLE reports_v2 (LIKE reports INCLUDING ALL);
INSERT INTO reports_v2 SELECT * FROM reports WHERE id BETWEEN 1 AND 10000;

-- Down Migration
DROP TABLE reports_v2;
DROP TRIGGER users_sync_email ON users;
DROP FUNCTION users_sync_email();
ALTER TABLE users DROP COLUMN email_address;
