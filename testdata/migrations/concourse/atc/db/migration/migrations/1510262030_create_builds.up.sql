CREATE TABLE builds (id bigint PRIMARY KEY, status text);
