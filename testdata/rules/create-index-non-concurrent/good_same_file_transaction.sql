-- zdlint-test: assume-in-transaction
-- The table is created earlier in the same file, inside the runner's transaction: nobody else can see it.
CREATE TABLE payments (id bigint PRIMARY KEY, invoice_id bigint NOT NULL);
CREATE INDEX payments_invoice_id_idx ON payments (invoice_id);
