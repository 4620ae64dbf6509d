DROP TABLE reports;
-- expect: drop-table-without-expand 1:1
-- a replacement made in this same migration is no earlier expand
CREATE TABLE totals_v2 (LIKE totals INCLUDING ALL);
DROP TABLE totals;
-- expect: drop-table-without-expand 5:1
