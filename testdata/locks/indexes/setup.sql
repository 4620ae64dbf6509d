-- parent, big (50 rows, big_n_idx, big_v_idx); n has duplicates
CREATE TABLE parent (id bigint PRIMARY KEY, name text NOT NULL);
INSERT INTO parent SELECT g, 'p' || g FROM generate_series(1, 10) g;
CREATE TABLE big (
  id int PRIMARY KEY,
  parent_id bigint NOT NULL,
  v varchar(50) NOT NULL,
  t text,
  s text,
  n int,
  amount numeric(10,2),
  ts timestamp,
  flag boolean
);
INSERT INTO big
SELECT g, (g % 10) + 1, 'v' || g, md5(g::text), g::text, g % 10, (g % 1000) / 100.0,
       timestamp '2024-01-01' + g * interval '1 hour', g % 2 = 0
FROM generate_series(1, 50) g;
CREATE INDEX big_n_idx ON big (n);
CREATE INDEX big_v_idx ON big (v);
