-- Fails when the function runs, not when it is created; a DO block runs at once.
CREATE FUNCTION new_event() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO events (id) VALUES (uuidv7());
END $$;
-- expect: requires-newer-engine 4:35
DO $$ BEGIN INSERT INTO events (id) VALUES (uuidv7()); END $$;
-- expect: requires-newer-engine 7:45
