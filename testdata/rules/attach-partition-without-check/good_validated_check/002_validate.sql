-- ShareUpdateExclusiveLock: reads and writes of events_2025 continue during the scan.
ALTER TABLE events_2025 VALIDATE CONSTRAINT events_2025_bound;
