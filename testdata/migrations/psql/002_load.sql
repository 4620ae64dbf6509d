\connect library
COPY books (id, title) FROM stdin;
1	Dune
2	Emma; DROP TABLE books
\.
-- psql runs each statement on its own: CONCURRENTLY works outside BEGIN.
CREATE INDEX CONCURRENTLY books_title_idx ON books (title);
