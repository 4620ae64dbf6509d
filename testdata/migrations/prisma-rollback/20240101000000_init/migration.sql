CREATE TABLE "Draft" (id serial PRIMARY KEY, body text);
CREATE TABLE "Stat" (id serial PRIMARY KEY, hits int);
