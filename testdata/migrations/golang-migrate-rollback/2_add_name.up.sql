ALTER TABLE users ADD COLUMN name text;
CREATE INDEX users_name_idx ON users (name);
