-- The recommended form: a plain table, attached with ShareUpdateExclusiveLock on the parent.
CREATE TABLE events_2026 (LIKE events INCLUDING ALL);
ALTER TABLE events ATTACH PARTITION events_2026 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
