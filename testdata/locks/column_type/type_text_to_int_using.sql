-- locks.md #26 type_text_to_int_using: rewrite
ALTER TABLE big ALTER COLUMN s TYPE int USING s::int;
