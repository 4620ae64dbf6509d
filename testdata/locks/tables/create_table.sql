-- extra (not in locks.md): CREATE TABLE, new relations only
CREATE TABLE fresh (id bigint PRIMARY KEY, note text);
