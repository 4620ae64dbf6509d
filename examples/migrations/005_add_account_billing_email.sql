-- Both changes are catalog-only, but they need AccessExclusiveLock: without a
-- lock_timeout they would queue every query behind one long transaction.
SET lock_timeout = '2s';

-- Some customers want invoices sent to their finance team rather than to the
-- account owner. NULL means "use accounts.email".
ALTER TABLE accounts ADD COLUMN billing_email text;

-- Internal projects are tracked but not billed. A constant default is stored
-- in the catalog (PostgreSQL 11+): existing rows are not rewritten.
ALTER TABLE projects ADD COLUMN billable boolean NOT NULL DEFAULT true;
