-- The billing page lists every invoice of an account. invoices is already live
-- and written to all day, so the index is built without blocking writes.
--
-- CONCURRENTLY cannot run inside a transaction block: this file holds this one
-- statement only, and the runner must not wrap it in BEGIN/COMMIT.
-- If the build fails it leaves an INVALID index: drop it and run this again.

CREATE INDEX CONCURRENTLY invoices_account_id_idx ON invoices (account_id);
