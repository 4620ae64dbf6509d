-- Authelia applies pending migrations inside one transaction.
CREATE INDEX CONCURRENTLY totp_configurations_username_idx ON totp_configurations (username);
-- expect: concurrently-in-transaction 2:1
