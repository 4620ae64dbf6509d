-- Up Migration
CREATE TABLE tags (id bigint PRIMARY KEY, name text);

-- Down Migration
DROP TABLE tags;
