-- extra (not in locks.md): INSERT that uses the sequence default
INSERT INTO orders (note) VALUES ('y');
