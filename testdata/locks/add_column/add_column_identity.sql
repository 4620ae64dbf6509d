-- locks.md #11 add_column_identity: identity column, rewrite + new sequence
ALTER TABLE big ADD COLUMN c1 bigint GENERATED ALWAYS AS IDENTITY;
