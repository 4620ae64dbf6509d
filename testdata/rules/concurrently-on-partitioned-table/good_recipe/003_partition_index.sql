-- Step 2: each partition is a plain table: CONCURRENTLY works there.
CREATE INDEX CONCURRENTLY events_2024_payload_idx ON events_2024 (payload);
