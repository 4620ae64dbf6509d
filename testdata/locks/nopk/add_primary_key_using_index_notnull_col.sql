-- locks.md #54 add_primary_key_using_index_notnull_col: instant
ALTER TABLE nopk_nn ADD CONSTRAINT nopk_nn_pkey PRIMARY KEY USING INDEX nopk_nn_id_uidx;
