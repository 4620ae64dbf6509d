-- locks.md #16 add_column_domain_with_check: column of a domain with a CHECK, rewrite
ALTER TABLE big ADD COLUMN c1 posint;
