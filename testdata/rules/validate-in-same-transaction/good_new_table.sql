BEGIN;
CREATE TABLE invoices (id bigint PRIMARY KEY, total numeric NOT NULL);
ALTER TABLE invoices ADD CONSTRAINT invoices_total_positive CHECK (total >= 0) NOT VALID;
-- invoices is new: no one else can be using it yet.
ALTER TABLE invoices VALIDATE CONSTRAINT invoices_total_positive;
COMMIT;
