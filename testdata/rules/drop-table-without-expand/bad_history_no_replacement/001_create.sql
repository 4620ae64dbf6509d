CREATE TABLE reports (id bigint PRIMARY KEY, body text);
CREATE TABLE totals (id bigint PRIMARY KEY, amount numeric);
