ALTER TABLE orders
  ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id);
-- expect: add-foreign-key-without-not-valid 2:3
