DROP TABLE countries;
DROP TABLE imports;
DROP TABLE audit_events;
DROP TABLE accounts;
