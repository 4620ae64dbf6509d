CREATE TABLE pairs (a int, b int, UNIQUE (a, b));
