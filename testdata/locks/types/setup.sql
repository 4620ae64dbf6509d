-- enum mood + table people (index people_m_idx); domain posint (no constraint) + table dtab
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE people (id int PRIMARY KEY, m mood NOT NULL);
INSERT INTO people SELECT g, (ARRAY['sad', 'ok', 'happy']::mood[])[1 + g % 3] FROM generate_series(1, 30) g;
CREATE INDEX people_m_idx ON people (m);
CREATE DOMAIN posint AS int;
CREATE TABLE dtab (id int PRIMARY KEY, x posint);
INSERT INTO dtab SELECT g, g FROM generate_series(1, 30) g;
