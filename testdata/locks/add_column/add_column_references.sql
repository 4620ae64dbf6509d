-- locks.md #14 add_column_references: inline REFERENCES, ShareRowExclusive on parent
ALTER TABLE big ADD COLUMN p2 bigint REFERENCES parent (id);
