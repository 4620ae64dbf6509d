-- Step 3: attach; the parent index becomes valid.
ALTER INDEX events_payload_idx ATTACH PARTITION events_2024_payload_idx;
