-- locks.md #51 add_unique_using_index: instant, the index already exists
ALTER TABLE big ADD CONSTRAINT big_v_key UNIQUE USING INDEX big_v_uidx;
