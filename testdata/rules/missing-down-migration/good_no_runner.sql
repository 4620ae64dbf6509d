-- plain SQL: no runner is known, so there is no telling where a down would live
DROP TABLE audit_log;
