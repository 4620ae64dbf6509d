UPDATE accounts SET status = 'active' WHERE id BETWEEN 1 AND 10000;
DELETE FROM sessions WHERE id < 5000;
UPDATE accounts SET plan = 'free' WHERE plan IS NULL;
INSERT INTO accounts_archive SELECT * FROM accounts WHERE id >= 10000 AND id < 20000;
INSERT INTO accounts_archive SELECT * FROM accounts ORDER BY id LIMIT 1000;
INSERT INTO accounts (id, email) VALUES (1, 'a@example.com');
UPDATE accounts SET plan = 'free' WHERE 1 = 1 AND id < 10000;
DELETE FROM sessions USING accounts WHERE sessions.account_id = accounts.id AND accounts.closed;
