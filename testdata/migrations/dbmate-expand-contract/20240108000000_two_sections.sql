-- migrate:up
CREATE TABLE invoice_notes (id bigint PRIMARY KEY, invoice_id bigint, memo text);

-- migrate:down
DROP TABLE invoice_notes;

-- migrate:up
ALTER TABLE invoices DROP COLUMN memo;
-- expect: drop-column-without-expand 8:22

-- migrate:down
ALTER TABLE invoices ADD COLUMN memo text;
