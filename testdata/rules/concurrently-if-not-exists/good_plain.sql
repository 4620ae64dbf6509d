-- Without IF NOT EXISTS a retry fails loudly on an INVALID leftover.
CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email);

-- Not concurrent: a failed plain build rolls back and leaves nothing behind.
CREATE TABLE invoices (id bigint PRIMARY KEY, number text);
CREATE INDEX IF NOT EXISTS invoices_number_idx ON invoices (number);

-- REINDEX CONCURRENTLY has no IF NOT EXISTS.
REINDEX INDEX CONCURRENTLY accounts_email_idx;
