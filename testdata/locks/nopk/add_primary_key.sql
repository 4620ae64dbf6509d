-- locks.md #52 add_primary_key: implicit SET NOT NULL scan + index build under AccessExclusive
ALTER TABLE nopk ADD PRIMARY KEY (id);
