CREATE TABLE tags (id int);
