SET lock_timeout = '2s';
ALTER EXTENSION postgis UPDATE TO '3.4.2';
-- expect: extension-update-with-schema-change 2:1
ALTER TABLE places ADD COLUMN area geometry(Polygon, 4326);
