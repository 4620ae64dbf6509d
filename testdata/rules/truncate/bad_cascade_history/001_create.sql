CREATE TABLE accounts (id bigint PRIMARY KEY);
CREATE TABLE invoices (id bigint PRIMARY KEY, account_id bigint REFERENCES accounts (id));
CREATE TABLE invoice_lines (id bigint PRIMARY KEY, invoice_id bigint REFERENCES invoices (id));
