CREATE TABLE countries (code text PRIMARY KEY, name text);
ALTER TABLE accounts DROP COLUMN owner_id;
ALTER TABLE audit_log RENAME TO audit_events;
ALTER TABLE accounts RENAME COLUMN plan_name TO plan;
