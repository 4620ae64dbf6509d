ALTER TABLE events DETACH PARTITION events_2023 CONCURRENTLY;
-- Completing an interrupted concurrent detach.
ALTER TABLE events DETACH PARTITION events_2022 FINALIZE;
