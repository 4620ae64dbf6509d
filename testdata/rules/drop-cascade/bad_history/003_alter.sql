ALTER TABLE invoices
    DROP CONSTRAINT invoices_pkey CASCADE,
    DROP COLUMN IF EXISTS account_id CASCADE;
-- expect: drop-cascade 2:5
-- expect: drop-cascade 3:5
