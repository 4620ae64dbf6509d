CREATE TABLE items (
  id integer PRIMARY KEY,
  code varchar(50) NOT NULL,
  name varchar(20),
  note text,
  amount numeric(10,2),
  total numeric(8,2)
);
CREATE INDEX items_code_idx ON items (code);
