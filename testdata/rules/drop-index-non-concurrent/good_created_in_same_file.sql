-- A new table and its index: nobody uses either yet.
CREATE TABLE invoices (id bigint PRIMARY KEY, number text);
CREATE INDEX invoices_number_idx ON invoices (number);
DROP INDEX invoices_number_idx;

-- An index created earlier in this file is dropped again: no running query depends on it.
-- (The AccessExclusiveLock on the table is missing-lock-timeout's business.)
CREATE INDEX CONCURRENTLY accounts_tmp_idx ON accounts (email);
DROP INDEX accounts_tmp_idx;
