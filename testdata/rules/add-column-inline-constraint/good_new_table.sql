CREATE TABLE invoices (id bigint PRIMARY KEY);
-- invoices is new in this migration: empty and unused.
ALTER TABLE invoices ADD COLUMN number text UNIQUE CHECK (number <> '');
ALTER TABLE invoices ADD COLUMN account_id bigint NOT NULL DEFAULT 0 REFERENCES invoices (id);
