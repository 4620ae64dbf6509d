CREATE TABLE drafts (id integer PRIMARY KEY, body varchar(200));
-- drafts is new in this migration: empty and unused.
ALTER TABLE drafts ALTER COLUMN id TYPE bigint;
ALTER TABLE drafts ALTER COLUMN body TYPE varchar(100);
