TRUNCATE audit_events;
