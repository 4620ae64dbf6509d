ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id);
-- expect: add-foreign-key-without-not-valid 1:20
ALTER TABLE orders ADD FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE CASCADE;
-- expect: add-foreign-key-without-not-valid 3:20
