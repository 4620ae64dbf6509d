-- locks.md #53 add_primary_key_using_index_nullable_col: hidden NOT NULL scan
ALTER TABLE nopk ADD CONSTRAINT nopk_pkey PRIMARY KEY USING INDEX nopk_id_uidx;
