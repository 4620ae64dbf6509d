CREATE TABLE IF NOT EXISTS {{ index .Options "Namespace" }}.users (id uuid);
-- expect: syntax-error 1:28
CREATE INDEX users_id_idx ON accounts (id);
-- expect: create-index-non-concurrent 3:1
