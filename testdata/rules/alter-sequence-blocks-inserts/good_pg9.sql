-- zdlint-test: pg-version=9
-- Before PostgreSQL 10, ALTER SEQUENCE was not transactional and did not block nextval() until commit.
ALTER SEQUENCE order_seq RESTART WITH 100000;
