-- the expand: replacements made from the old tables, released before the drop
CREATE TABLE report_archive (id bigint PRIMARY KEY, body text);
INSERT INTO report_archive SELECT id, body FROM reports WHERE id BETWEEN 1 AND 10000;
CREATE TABLE invoices_v2 (LIKE invoices INCLUDING ALL);
