-- Puts back the constraint and its index, both named pairs_key as before the up.
ALTER TABLE pairs ADD CONSTRAINT pairs_key UNIQUE (a, b);
