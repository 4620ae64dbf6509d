-- id is NOT NULL already and the index exists: a catalog-only change.
ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_id_idx;
