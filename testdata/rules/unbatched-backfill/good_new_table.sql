CREATE TABLE plans (id bigint PRIMARY KEY, name text, active boolean);
INSERT INTO plans VALUES (1, 'free', true), (2, 'pro', true);
UPDATE plans SET active = false;
DELETE FROM plans;
CREATE TABLE plans_copy (id bigint, name text, active boolean);
INSERT INTO plans_copy SELECT * FROM plans;
