-- +goose Up
CREATE TABLE audit (id bigint PRIMARY KEY, note text);
CREATE INDEX audit_note_idx ON audit (note);

-- +goose Down
  DROP INDEX audit_note_idx;
-- expect: down-does-not-revert-up 6:3
