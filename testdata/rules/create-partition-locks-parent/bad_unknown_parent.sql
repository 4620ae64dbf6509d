CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
-- expect: create-partition-locks-parent 1:1
CREATE TABLE IF NOT EXISTS tenants_eu PARTITION OF tenants FOR VALUES IN ('de', 'fr', 'nl');
-- expect: create-partition-locks-parent 3:1
CREATE TABLE sessions_p0 PARTITION OF sessions FOR VALUES WITH (MODULUS 4, REMAINDER 0);
-- expect: create-partition-locks-parent 5:1
