-- serials (bigserial id) and idents (identity id): each id draws from a sequence the table owns;
-- schema moved, empty
CREATE TABLE serials (id bigserial PRIMARY KEY, note text);
INSERT INTO serials (note) SELECT 's' || g FROM generate_series(1, 20) g;
CREATE TABLE idents (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note text);
INSERT INTO idents (note) SELECT 'i' || g FROM generate_series(1, 20) g;
CREATE SCHEMA moved;
