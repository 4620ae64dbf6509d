-- a backfill inside the table keeps its data there: no replacement table
ALTER TABLE reports ADD COLUMN summary text;
UPDATE reports SET summary = left(body, 80) WHERE id BETWEEN 1 AND 10000;
