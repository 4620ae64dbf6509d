CREATE TABLE a (id int);
ALTER TABLE a ADD COLUMN;
CREATE TABLE b (id int);
-- expect: syntax-error 2:25
