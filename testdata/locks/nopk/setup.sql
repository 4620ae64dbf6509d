-- nopk (nullable id, unique index nopk_id_uidx), nopk_nn (id NOT NULL, unique index nopk_nn_id_uidx)
CREATE TABLE nopk (id int, v text, n int);
INSERT INTO nopk SELECT g, 'v' || g, g % 10 FROM generate_series(1, 50) g;
CREATE UNIQUE INDEX nopk_id_uidx ON nopk (id);
CREATE TABLE nopk_nn (id int NOT NULL, v text, n int);
INSERT INTO nopk_nn SELECT g, 'v' || g, g % 10 FROM generate_series(1, 50) g;
CREATE UNIQUE INDEX nopk_nn_id_uidx ON nopk_nn (id);
