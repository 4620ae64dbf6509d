-- zdlint-test: assume-in-transaction
CREATE TABLE import_rows (id bigint PRIMARY KEY, payload jsonb);
LOCK TABLE import_rows;
