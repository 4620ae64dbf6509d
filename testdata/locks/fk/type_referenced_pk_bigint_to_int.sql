-- locks.md #32 type_referenced_pk_bigint_to_int: rewrites parent, re-checks the FK on big
ALTER TABLE parent ALTER COLUMN id TYPE int;
