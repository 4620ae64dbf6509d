-- events partitioned by range (events_2023, events_2024, events_ts_idx); standalone events_2025 (with index), events_2026 (index + validated CHECK of the bound), events_2027 (no index)
CREATE TABLE events (id bigint NOT NULL, ts timestamp NOT NULL, payload text) PARTITION BY RANGE (ts);
CREATE TABLE events_2023 PARTITION OF events FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
INSERT INTO events
SELECT g, timestamp '2023-01-01' + (g % 700) * interval '1 day', md5(g::text) FROM generate_series(1, 40) g;
CREATE INDEX events_ts_idx ON events (ts);
-- a standalone table ready to be attached (matching index, no CHECK)
CREATE TABLE events_2025 (id bigint NOT NULL, ts timestamp NOT NULL, payload text);
INSERT INTO events_2025
SELECT g, timestamp '2025-01-01' + (g % 365) * interval '1 day', md5(g::text) FROM generate_series(1, 20) g;
CREATE INDEX events_2025_ts_idx ON events_2025 (ts);
-- a standalone table whose validated CHECK implies the bound
CREATE TABLE events_2026 (id bigint NOT NULL, ts timestamp NOT NULL, payload text,
  CONSTRAINT events_2026_bound CHECK (ts >= '2026-01-01' AND ts < '2027-01-01'));
INSERT INTO events_2026
SELECT g, timestamp '2026-01-01' + (g % 365) * interval '1 day', md5(g::text) FROM generate_series(1, 20) g;
CREATE INDEX events_2026_ts_idx ON events_2026 (ts);
-- a standalone table without the index the partitioned index needs
CREATE TABLE events_2027 (id bigint NOT NULL, ts timestamp NOT NULL, payload text);
INSERT INTO events_2027
SELECT g, timestamp '2027-01-01' + (g % 365) * interval '1 day', md5(g::text) FROM generate_series(1, 20) g;
