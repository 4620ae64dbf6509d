-- zdlint-test: pg-version=13
-- Before PostgreSQL 14 there is no CONCURRENTLY form to suggest.
ALTER TABLE events DETACH PARTITION events_2023;
