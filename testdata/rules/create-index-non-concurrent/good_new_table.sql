-- A table created in the same migration is empty: indexing it blocks nobody.
CREATE TABLE invoices (id bigint PRIMARY KEY, account_id bigint NOT NULL, number text);
CREATE INDEX invoices_account_id_idx ON invoices (account_id);
CREATE UNIQUE INDEX invoices_number_key ON public.invoices (number);
