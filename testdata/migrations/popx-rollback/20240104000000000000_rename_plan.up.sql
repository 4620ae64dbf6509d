ALTER TABLE accounts RENAME COLUMN plan TO tier;
