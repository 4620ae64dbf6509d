-- Into a domain with a CHECK: the stored type is the same integer, but PostgreSQL converts every row
-- to check it, rewriting the table (measured on PostgreSQL 15).
ALTER TABLE stock ALTER COLUMN quantity TYPE positive;
-- expect: alter-column-type 3:19
-- A domain whose constraint is its base domain's, and one of its own NOT NULL.
ALTER TABLE stock ALTER COLUMN reserved TYPE strict_positive;
-- expect: alter-column-type 6:19
ALTER TABLE stock ALTER COLUMN held TYPE strict_positive;
-- expect: alter-column-type 8:19
