-- extra (not in locks.md): user_catalog_table is not among the storage parameters changed under
-- ShareUpdateExclusive: AccessExclusive
ALTER TABLE big SET (user_catalog_table = true);
