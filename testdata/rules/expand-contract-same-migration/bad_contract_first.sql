-- The original is renamed away first, then the replacement takes its name.
ALTER TABLE users RENAME COLUMN email TO email_old;
-- expect: expand-contract-same-migration 2:1
ALTER TABLE users ADD COLUMN email citext;
-- Reported once, not again at every later ADD COLUMN.
ALTER TABLE users ADD COLUMN email_verified boolean;
-- A drop that came after an expand is reported at the drop itself, once.
ALTER TABLE accounts ADD COLUMN plan_id bigint;
ALTER TABLE accounts DROP COLUMN plan;
-- expect: expand-contract-same-migration 9:22
ALTER TABLE accounts ADD COLUMN plan_name text;
-- A drop with no expand before it, followed by one.
ALTER TABLE orders DROP COLUMN legacy_total;
-- expect: expand-contract-same-migration 13:1
ALTER TABLE orders ADD COLUMN total_cents bigint, ADD COLUMN currency text;
