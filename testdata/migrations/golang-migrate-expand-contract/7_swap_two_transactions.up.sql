-- two transactions, one migration: one deploy
BEGIN;
ALTER TABLE profiles ADD COLUMN display_name text;
UPDATE profiles SET display_name = nickname WHERE id BETWEEN 1 AND 10000;
COMMIT;
BEGIN;
ALTER TABLE profiles DROP COLUMN nickname;
COMMIT;
-- expect: expand-contract-same-migration 7:22
-- expect: drop-column-without-expand 7:22
