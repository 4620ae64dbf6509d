CREATE TABLE invoices (id bigint PRIMARY KEY, payment_ref text);
