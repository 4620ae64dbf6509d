BEGIN;
ALTER TABLE builds ADD COLUMN note text;
COMMIT;
-- expect: transaction-nesting 1:1
-- expect: transaction-nesting 3:1
