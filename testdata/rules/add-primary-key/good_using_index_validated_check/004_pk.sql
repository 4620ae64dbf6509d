-- PostgreSQL 12+ uses the validated CHECK to skip the NOT NULL scan (measured on 15).
ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_id_idx;
