-- parent (id primary key, code unique); big references parent twice: parent_id by the primary key
-- (REFERENCES parent, no column list) and pcode by code; kid (ON DELETE CASCADE) and kid_null (ON
-- DELETE SET NULL) reference parent by id. big's rows point at parents 1 to 5 only.
CREATE TABLE parent (id int PRIMARY KEY, code text UNIQUE, name text NOT NULL, score int);
INSERT INTO parent SELECT g, 'c' || g, 'p' || g, g FROM generate_series(1, 10) g;
CREATE TABLE big (
  id int PRIMARY KEY,
  parent_id int NOT NULL REFERENCES parent,
  pcode text REFERENCES parent (code),
  note text
);
INSERT INTO big SELECT g, (g % 5) + 1, 'c' || ((g % 5) + 1), 'n' || g FROM generate_series(1, 50) g;
CREATE TABLE kid (id int PRIMARY KEY, parent_id int REFERENCES parent ON DELETE CASCADE);
INSERT INTO kid SELECT g, (g % 10) + 1 FROM generate_series(1, 20) g;
CREATE TABLE kid_null (id int PRIMARY KEY, parent_id int REFERENCES parent (id) ON DELETE SET NULL);
INSERT INTO kid_null SELECT g, (g % 10) + 1 FROM generate_series(1, 20) g;
