CREATE TABLE namespaces (id bytea PRIMARY KEY, name text);
