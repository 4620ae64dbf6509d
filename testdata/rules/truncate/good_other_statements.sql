DELETE FROM audit_events WHERE id IN (SELECT id FROM audit_events ORDER BY id LIMIT 1000);
DROP TABLE IF EXISTS audit_events_old;
