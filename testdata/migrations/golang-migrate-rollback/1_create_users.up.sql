CREATE TABLE users (id bigint PRIMARY KEY, email varchar(50) NOT NULL, bio text);
