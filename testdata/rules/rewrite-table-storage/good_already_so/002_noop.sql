-- Both tables already have the persistence asked for: PostgreSQL does nothing.
ALTER TABLE cache_entries SET UNLOGGED;
ALTER TABLE audit_log SET LOGGED;
