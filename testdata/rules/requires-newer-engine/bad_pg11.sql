-- zdlint-test: pg-version=11
REINDEX INDEX CONCURRENTLY accounts_email_idx;
-- expect: requires-newer-engine 2:15
ALTER TABLE orders ADD COLUMN total bigint GENERATED ALWAYS AS (qty * price) STORED;
-- expect: requires-newer-engine 4:44
CREATE TABLE tokens (id uuid PRIMARY KEY DEFAULT gen_random_uuid());
-- expect: requires-newer-engine 6:50
