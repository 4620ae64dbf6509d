-- locks.md #8 add_column_default_gen_random_uuid: volatile default, rewrite
ALTER TABLE big ADD COLUMN c1 uuid DEFAULT gen_random_uuid();
