-- extra (not in locks.md): INSERT ... VALUES
INSERT INTO big (id, parent_id, v) VALUES (1000, 1, 'new');
