CREATE TABLE tasks (id bigint PRIMARY KEY, namespace_id bytea);
