CREATE TABLE import_rows (id bigint PRIMARY KEY, batch text);
CREATE VIEW import_totals AS SELECT count(*) FROM import_rows;
CREATE TYPE import_state AS ENUM ('new', 'done');
DROP TABLE import_rows CASCADE;
DROP TYPE import_state CASCADE;
CREATE SEQUENCE import_no;
DROP SEQUENCE import_no CASCADE;
