-- domains positive (CHECK), strict_positive (positive, NOT NULL), plain_int (no constraint) and label (varchar(40)); table stock with a column of each kind
CREATE DOMAIN positive AS integer CHECK (VALUE > 0);
CREATE DOMAIN strict_positive AS positive NOT NULL;
CREATE DOMAIN plain_int AS integer;
CREATE DOMAIN label AS varchar(40);
CREATE TABLE stock (id integer PRIMARY KEY, quantity positive, reserved integer, shelf plain_int, name varchar(40),
                    held positive);
INSERT INTO stock SELECT g, g, g, g, 'n' || g, g FROM generate_series(1, 30) g;
