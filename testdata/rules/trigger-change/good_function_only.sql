-- Replacing a trigger's function changes what it does without locking the table.
CREATE OR REPLACE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RETURN NEW;
END
$$;
-- Enabling or disabling row-level security is not a trigger change.
ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;
