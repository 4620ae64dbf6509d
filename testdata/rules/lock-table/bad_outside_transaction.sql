-- Outside a transaction block PostgreSQL rejects LOCK TABLE; the lock it asks for is reported all the same.
LOCK TABLE accounts IN ACCESS EXCLUSIVE MODE;
-- expect: lock-table 2:1
