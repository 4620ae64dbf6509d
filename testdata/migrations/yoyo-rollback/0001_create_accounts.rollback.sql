-- reverts its migration exactly: silent
DROP TABLE accounts;
