CREATE TABLE import_staging (id bigint PRIMARY KEY, payload jsonb);
INSERT INTO import_staging VALUES (1, '{}');
TRUNCATE import_staging;
TRUNCATE TABLE import_staging RESTART IDENTITY CASCADE;
