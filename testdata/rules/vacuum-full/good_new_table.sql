-- A table created earlier in the same file is empty and unused.
CREATE TABLE staging_rows (id bigint, payload jsonb);
VACUUM FULL staging_rows;
