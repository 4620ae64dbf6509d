-- Setting the access method a table already has is a no-op (measured on PostgreSQL 15).
ALTER TABLE accounts SET ACCESS METHOD heap;
-- Storage parameters such as fillfactor only take ShareUpdateExclusiveLock and rewrite nothing.
ALTER TABLE accounts SET (fillfactor = 70);
