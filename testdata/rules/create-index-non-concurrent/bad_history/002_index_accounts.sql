-- accounts was created by the previous, already deployed migration.
CREATE INDEX accounts_id_email_idx ON accounts (id, email);
-- expect: create-index-non-concurrent 2:1
