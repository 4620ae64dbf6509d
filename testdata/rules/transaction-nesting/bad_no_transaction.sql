ALTER TABLE accounts ADD COLUMN plan text;
COMMIT;
-- expect: transaction-nesting 2:1
ROLLBACK;
-- expect: transaction-nesting 4:1
SAVEPOINT before_backfill;
-- expect: transaction-nesting 6:1
END;
-- expect: transaction-nesting 8:1
