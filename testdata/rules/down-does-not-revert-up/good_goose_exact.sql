-- +goose Up
CREATE TABLE audit (id bigint PRIMARY KEY, note text);
CREATE INDEX audit_note_idx ON audit (note);
ALTER TABLE users RENAME COLUMN name TO full_name;

-- +goose Down
ALTER TABLE users RENAME COLUMN full_name TO name;
DROP INDEX audit_note_idx;
DROP TABLE audit;
