CREATE TABLE projects (id bigint PRIMARY KEY, name text);
