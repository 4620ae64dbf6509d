-- locks.md #50 add_unique_constraint: index build under AccessExclusive
ALTER TABLE big ADD CONSTRAINT big_v_key UNIQUE (v);
