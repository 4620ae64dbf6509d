ALTER TABLE events ADD PRIMARY KEY (id);
-- expect: add-primary-key 1:20
ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY (tenant_id, id);
-- expect: add-primary-key 3:20
