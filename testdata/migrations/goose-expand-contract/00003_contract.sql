-- +goose Up
ALTER TABLE users DROP COLUMN email;
DROP TABLE reports;

-- +goose Down
CREATE TABLE reports (id bigint PRIMARY KEY, body text);
ALTER TABLE users ADD COLUMN email text;
