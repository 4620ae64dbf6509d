CREATE DOMAIN posint AS integer CHECK (VALUE > 0);
CREATE DOMAIN us_zip AS text CONSTRAINT us_zip_format CHECK (VALUE ~ '^[0-9]{5}$');
-- A domain over a constrained domain carries its constraints.
CREATE DOMAIN zip_code AS us_zip;
CREATE DOMAIN required_text AS text NOT NULL;
