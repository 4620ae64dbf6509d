-- Step 1: the parent's index, ON ONLY (catalog only, starts INVALID).
CREATE INDEX events_payload_idx ON ONLY events (payload);
