-- depends: 0001_create
-- transactional: false
ALTER TABLE profiles ADD COLUMN display_name text;
UPDATE profiles SET display_name = nickname WHERE id BETWEEN 1 AND 10000;
ALTER TABLE profiles DROP COLUMN nickname;
-- expect: expand-contract-same-migration 5:22
-- expect: drop-column-without-expand 5:22
