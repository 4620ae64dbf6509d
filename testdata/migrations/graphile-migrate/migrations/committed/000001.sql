--! Previous: -
--! Hash: sha1:1111111111111111111111111111111111111111
--! Message: create posts

CREATE TABLE posts (id bigint PRIMARY KEY, title text);
