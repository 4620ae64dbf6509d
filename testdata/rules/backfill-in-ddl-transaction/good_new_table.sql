-- zdlint-test: assume-in-transaction
CREATE TABLE payments (id bigint PRIMARY KEY, amount numeric);
ALTER TABLE payments ADD COLUMN currency text;
INSERT INTO payments VALUES (1, 10, 'EUR');
