-- Unnamed: PostgreSQL names the CHECK, which reads two columns, accounts_check (not after either
-- column), and the index on lower(email) accounts_lower_idx.
CREATE TABLE accounts (id bigint PRIMARY KEY, credit int, debit int, email text,
                       CHECK (credit >= 0 AND debit >= 0));
CREATE INDEX ON accounts (lower(email));
