CREATE DOMAIN positive AS integer CHECK (VALUE > 0);
CREATE DOMAIN strict_positive AS positive NOT NULL;
CREATE TABLE stock (id integer PRIMARY KEY, quantity integer, reserved integer, held positive);
