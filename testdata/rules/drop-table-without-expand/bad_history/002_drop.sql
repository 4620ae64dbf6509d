DROP TABLE reports;
-- expect: drop-table-without-expand 1:1
