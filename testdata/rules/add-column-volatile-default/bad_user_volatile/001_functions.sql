CREATE TABLE accounts (id bigint PRIMARY KEY);
-- No volatility clause: PostgreSQL makes the function VOLATILE.
CREATE FUNCTION new_slug() RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  RETURN md5(random()::text);
END $$;
