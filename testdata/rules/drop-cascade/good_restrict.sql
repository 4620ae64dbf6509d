DROP VIEW account_summaries;
ALTER TABLE invoices DROP CONSTRAINT invoices_account_id_fkey;
DROP TABLE accounts RESTRICT;
ALTER TABLE invoices DROP COLUMN legacy_total;
ALTER TABLE invoices ADD CONSTRAINT invoices_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE NOT VALID;
TRUNCATE sessions CASCADE;
CREATE TABLE line_items (id bigint PRIMARY KEY, invoice_id bigint REFERENCES invoices (id) ON DELETE CASCADE);
