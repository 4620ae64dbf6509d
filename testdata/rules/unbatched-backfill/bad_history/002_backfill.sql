-- Created by an earlier, deployed migration: it holds production data now.
UPDATE invoices SET total_cents = total * 100;
-- expect: unbatched-backfill 2:1
