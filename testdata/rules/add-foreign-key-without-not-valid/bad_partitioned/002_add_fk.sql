-- Before PostgreSQL 18 a partitioned table refuses NOT VALID foreign keys; the finding says so.
ALTER TABLE events ADD CONSTRAINT events_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id);
-- expect: add-foreign-key-without-not-valid 2:20
