-- Projects group the work an account bills for.

-- The foreign key to accounts takes ShareRowExclusiveLock on accounts, a table
-- in use: give up after 2 seconds rather than queue writes behind a long transaction.
SET lock_timeout = '2s';

CREATE TABLE projects (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id   bigint      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name         text        NOT NULL,
    archived_at  timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now()
);

-- The dashboard lists the projects of one account.
CREATE INDEX projects_account_id_idx ON projects (account_id);
