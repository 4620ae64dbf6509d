-- zdlint-test: runner=sqlx
CREATE TABLE events (id bigint PRIMARY KEY, kind text NOT NULL);
