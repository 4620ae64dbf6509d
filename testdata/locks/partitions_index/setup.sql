-- events partitioned by range; index events_payload_idx ON ONLY events; events_2023_payload_idx built on one partition
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
CREATE INDEX events_payload_idx ON ONLY events (payload);
CREATE INDEX events_2023_payload_idx ON events_2023 (payload);
