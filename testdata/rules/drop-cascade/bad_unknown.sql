DROP VIEW IF EXISTS report_totals CASCADE;
-- expect: drop-cascade 1:1
DROP FUNCTION normalize_email(text) CASCADE;
-- expect: drop-cascade 3:1
DROP DOMAIN email_address CASCADE;
-- expect: drop-cascade 5:1
ALTER TABLE accounts DROP email CASCADE;
-- expect: drop-cascade 7:22
DROP SEQUENCE legacy_seq, other_seq CASCADE;
-- expect: drop-cascade 9:1
