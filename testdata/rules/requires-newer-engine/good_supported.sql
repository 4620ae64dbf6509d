MERGE INTO accounts a USING incoming i ON a.id = i.id
WHEN MATCHED THEN UPDATE SET email = i.email
WHEN NOT MATCHED THEN INSERT (id, email) VALUES (i.id, i.email);
CREATE UNIQUE INDEX CONCURRENTLY accounts_ref_idx ON accounts (ref) NULLS NOT DISTINCT;
REINDEX INDEX CONCURRENTLY accounts_email_idx;
ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY;
ALTER TABLE orders ADD COLUMN total bigint GENERATED ALWAYS AS (qty * price) STORED;
ALTER TABLE documents ADD COLUMN body text COMPRESSION lz4;
ALTER TABLE accounts SET ACCESS METHOD heap;
CREATE TABLE tokens (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), LIKE token_template INCLUDING ALL);
SELECT regexp_count(email, '@'), random() FROM accounts;
