ALTER TABLE profiles ADD COLUMN nickname text;
ALTER TABLE profiles DROP COLUMN display_name;
