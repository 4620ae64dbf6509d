-- zdlint-test: assume-in-transaction
-- An AccessExclusiveLock on a table created in this transaction blocks nobody.
CREATE TABLE payments (id bigint PRIMARY KEY, amount numeric);
ALTER TABLE payments ADD COLUMN currency text;
INSERT INTO payments VALUES (1, 10, 'EUR');
