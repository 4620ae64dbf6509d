ALTER TABLE pairs RENAME CONSTRAINT pairs_key TO pairs_a_b_key;
