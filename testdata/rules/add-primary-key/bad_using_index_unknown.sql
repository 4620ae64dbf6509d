-- Neither events nor its index was created by these migrations: a scan is assumed (warning).
ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_id_idx;
-- expect: add-primary-key 2:20
