CREATE DOMAIN posint AS integer CHECK (VALUE > 0);
CREATE TABLE carts (id bigint PRIMARY KEY);
-- carts is new in this migration: empty and unused, so the rewrite costs nothing.
ALTER TABLE carts ADD COLUMN items posint;
