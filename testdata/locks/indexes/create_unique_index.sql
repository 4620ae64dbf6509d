-- locks.md #92 create_unique_index: Share
CREATE UNIQUE INDEX big_v_uidx ON big (v);
