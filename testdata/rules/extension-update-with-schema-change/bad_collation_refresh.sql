ALTER TABLE users ADD COLUMN nickname text;
ALTER COLLATION "de-DE-x-icu" REFRESH VERSION;
-- expect: extension-update-with-schema-change 2:1
ALTER DATABASE app REFRESH COLLATION VERSION;
-- expect: extension-update-with-schema-change 4:1
