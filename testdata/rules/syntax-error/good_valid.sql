-- Semicolons inside strings, comments and bodies do not end statements; ';'
CREATE TABLE notes (id bigint PRIMARY KEY, body text DEFAULT 'a;b', "odd;name" int);
/* block ; comment */
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
  NEW.body := NEW.body || ';';
  RETURN NEW;
END
$body$;
INSERT INTO notes (id, body) VALUES (1, E'it''s \n fine;');
