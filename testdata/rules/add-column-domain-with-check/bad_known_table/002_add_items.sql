-- Even a default that satisfies the CHECK does not avoid the rewrite.
ALTER TABLE orders ADD COLUMN items posint NOT NULL DEFAULT 1;
-- expect: add-column-domain-with-check 2:31
