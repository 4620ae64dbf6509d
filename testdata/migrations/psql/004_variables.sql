\if :{?lock_timeout}
\else
  \set lock_timeout '2s'
\endif
SET lock_timeout = :'lock_timeout';
ALTER TABLE :"books_table" ADD COLUMN isbn text;
SELECT id FROM books WHERE id = :book_id \gset
SELECT title FROM books WHERE id = :book_id;
