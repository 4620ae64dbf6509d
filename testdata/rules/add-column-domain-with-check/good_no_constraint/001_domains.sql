CREATE DOMAIN email AS text;
CREATE DOMAIN posint AS integer CONSTRAINT posint_positive CHECK (VALUE > 0);
ALTER DOMAIN posint DROP CONSTRAINT posint_positive;
CREATE DOMAIN score AS integer CHECK (VALUE >= 0);
