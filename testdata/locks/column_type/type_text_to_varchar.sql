-- locks.md #24 type_text_to_varchar: adding a length limit, rewrite
ALTER TABLE big ALTER COLUMN t TYPE varchar(100);
