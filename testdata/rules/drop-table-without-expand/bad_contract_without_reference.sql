-- zdlint-contract:
SELECT '-- zdlint-contract: not a comment, a string';
DROP TABLE legacy_reports;
-- expect: drop-table-without-expand 3:1
