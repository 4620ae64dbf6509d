CREATE TABLE reports (id bigint PRIMARY KEY, body text);
CREATE TABLE invoices (id bigint PRIMARY KEY, total numeric);
