-- locks.md #12 add_column_bigserial: bigserial, rewrite + new sequence
ALTER TABLE big ADD COLUMN c1 bigserial;
