---- tern: disable-tx ----
ALTER TABLE accounts ADD COLUMN region text;
UPDATE accounts SET region = 'eu' WHERE id BETWEEN 1 AND 10000;
---- create above / drop below ----
ALTER TABLE accounts DROP COLUMN region;
