-- locks.md #19 drop_column_with_fk: drops the FK, AccessExclusive on parent too
ALTER TABLE big DROP COLUMN parent_id;
