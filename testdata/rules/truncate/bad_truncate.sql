TRUNCATE audit_events;
-- expect: truncate 1:1
TRUNCATE TABLE ONLY sessions, login_attempts RESTART IDENTITY;
-- expect: truncate 3:1
CREATE TABLE staging (id bigint);
TRUNCATE staging, exchange_rates;
-- expect: truncate 6:1
