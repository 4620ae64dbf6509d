-- locks.md #25 type_int_to_bigint_pk: rewrite + all indexes rebuilt
ALTER TABLE big ALTER COLUMN id TYPE bigint;
