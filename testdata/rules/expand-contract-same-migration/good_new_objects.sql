-- A table created by this migration: no deployed code uses it.
CREATE TABLE drafts (id bigint PRIMARY KEY, body text);
ALTER TABLE drafts ADD COLUMN body_html text;
ALTER TABLE drafts DROP COLUMN body;
-- A column added by this migration, renamed into place.
ALTER TABLE users ADD COLUMN email_tmp text;
ALTER TABLE users RENAME COLUMN email_tmp TO email_address;
-- A new table and a drop with no data flowing between them.
CREATE TABLE audit_events (id bigint PRIMARY KEY);
DROP TABLE legacy_sessions;
-- An update in place copies nothing out.
UPDATE accounts SET score = score + 1 WHERE id = 5;
ALTER TABLE accounts RENAME COLUMN score TO points;
-- A backfill inside a table is no copy out of it: dropping the whole table contracts nothing new.
UPDATE carts SET total = subtotal + tax WHERE id < 1000;
DROP TABLE carts;
-- A drop with nothing added to the table afterwards in this migration.
ALTER TABLE sessions DROP COLUMN legacy_token;
ALTER TABLE devices ADD COLUMN label text;
