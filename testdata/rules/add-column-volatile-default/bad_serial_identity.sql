ALTER TABLE events ADD COLUMN seq bigserial;
-- expect: add-column-volatile-default 1:31
ALTER TABLE events ADD COLUMN n int GENERATED ALWAYS AS IDENTITY;
-- expect: add-column-volatile-default 3:31
