-- id is nullable: making it the primary key scans every row under AccessExclusiveLock.
ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_id_idx;
-- expect: add-primary-key 2:20
