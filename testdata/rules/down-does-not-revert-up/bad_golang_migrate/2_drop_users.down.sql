-- recreated with another type, without the default and without the primary key
CREATE TABLE users (id bigint, email text NOT NULL);
-- expect: down-does-not-revert-up 2:1
