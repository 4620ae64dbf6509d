CREATE TABLE widgets (id bigint PRIMARY KEY, label text);
---- create above / drop below ----
DROP TABLE widgets;
