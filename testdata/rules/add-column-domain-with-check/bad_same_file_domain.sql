CREATE DOMAIN percent AS numeric CHECK (VALUE BETWEEN 0 AND 100);
ALTER TABLE invoices ADD COLUMN discount percent;
-- expect: add-column-domain-with-check 2:33
