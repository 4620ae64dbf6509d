-- A column of a table created in this migration has no users yet.
CREATE TABLE drafts (id bigint PRIMARY KEY, titel text);
ALTER TABLE drafts RENAME COLUMN titel TO title;
-- Renaming an index only changes its name.
ALTER INDEX projects_name_idx RENAME TO projects_title_idx;
