--liquibase formatted sql

--changeset ann:7 runInTransaction:false
ALTER TABLE profiles ADD COLUMN display_name text;
UPDATE profiles SET display_name = nickname WHERE id BETWEEN 1 AND 10000;
ALTER TABLE profiles DROP COLUMN nickname;
-- expect: expand-contract-same-migration 6:22
-- expect: drop-column-without-expand 6:22
--rollback ALTER TABLE profiles ADD COLUMN nickname text;
--rollback ALTER TABLE profiles DROP COLUMN display_name;
