CREATE TABLE invoices (id bigint PRIMARY KEY, total numeric, total_cents bigint);
