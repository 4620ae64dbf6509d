-- PostgreSQL renames the constraint's index pairs_a_b_key with it.
ALTER TABLE pairs RENAME CONSTRAINT pairs_a_b_key TO pairs_key;
