CREATE DOMAIN positive AS integer CHECK (VALUE > 0);
CREATE DOMAIN plain_int AS integer;
CREATE DOMAIN label AS varchar(40);
CREATE TABLE stock (
  id integer PRIMARY KEY,
  quantity positive,
  reserved integer,
  shelf plain_int,
  name varchar(40),
  level positive
);
