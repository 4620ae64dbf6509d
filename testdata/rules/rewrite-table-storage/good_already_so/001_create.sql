CREATE UNLOGGED TABLE cache_entries (key text PRIMARY KEY, value jsonb);
CREATE TABLE audit_log (id bigint PRIMARY KEY, entry jsonb);
