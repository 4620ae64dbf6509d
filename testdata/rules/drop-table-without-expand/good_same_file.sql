CREATE TABLE import_scratch (id bigint PRIMARY KEY, payload jsonb);
CREATE TABLE import_errors (id bigint PRIMARY KEY);
DROP TABLE import_scratch, import_errors;
