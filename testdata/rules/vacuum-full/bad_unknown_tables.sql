-- None of these tables was created by the migrations zdlint read: assumed large and busy.
VACUUM FULL accounts;
-- expect: vacuum-full 2:1
VACUUM (FULL, ANALYZE) orders, invoices;
-- expect: vacuum-full 4:1
  VACUUM FULL VERBOSE billing.ledger;
-- expect: vacuum-full 6:3
VACUUM FULL;
-- expect: vacuum-full 8:1
