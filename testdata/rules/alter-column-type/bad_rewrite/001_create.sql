CREATE TABLE accounts (
  id integer PRIMARY KEY,
  email varchar(100) NOT NULL,
  balance numeric(10,2),
  created_at timestamp
);
CREATE INDEX accounts_email_idx ON accounts (email);
CREATE TABLE payments (id bigint PRIMARY KEY, account_id integer REFERENCES accounts (id));
CREATE TABLE labels (id bigint PRIMARY KEY, tags varchar(10)[]);
