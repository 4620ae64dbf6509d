ALTER TABLE accounts ADD COLUMN slug text DEFAULT new_slug();
-- expect: add-column-volatile-default 1:33
