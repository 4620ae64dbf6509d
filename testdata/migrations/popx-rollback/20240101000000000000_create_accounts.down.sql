-- reverts its up exactly: silent
DROP TABLE accounts;
