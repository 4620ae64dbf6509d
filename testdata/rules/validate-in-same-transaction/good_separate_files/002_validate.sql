-- A later migration, so a later transaction: VALIDATE takes ShareUpdateExclusiveLock only.
ALTER TABLE orders VALIDATE CONSTRAINT orders_account_fk;
