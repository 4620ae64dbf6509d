-- zdlint-test: pg-version=11
-- PostgreSQL 11 ignores the CHECK: the primary key scans for NULLs.
ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_id_idx;
-- expect: add-primary-key 3:20
