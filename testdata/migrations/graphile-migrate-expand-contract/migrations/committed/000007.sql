--! Previous: sha1:6666666666666666666666666666666666666666
--! Hash: sha1:7777777777777777777777777777777777777777
--! Message: swap outside the transaction

--! no-transaction
ALTER TABLE profiles ADD COLUMN display_name text;
UPDATE profiles SET display_name = nickname WHERE id BETWEEN 1 AND 10000;
ALTER TABLE profiles DROP COLUMN nickname;
-- expect: expand-contract-same-migration 8:22
-- expect: drop-column-without-expand 8:22
