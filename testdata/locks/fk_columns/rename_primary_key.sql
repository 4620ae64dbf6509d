-- extra (not in locks.md): renaming a primary key renames its index (ShareUpdateExclusive on the index)
ALTER TABLE parent RENAME CONSTRAINT parent_pkey TO parent_pk;
