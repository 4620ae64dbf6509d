CREATE TABLE "Stat" (id serial PRIMARY KEY);
