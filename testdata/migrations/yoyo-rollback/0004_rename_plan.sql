-- depends: 0003_drop_legacy
ALTER TABLE accounts RENAME COLUMN plan TO tier;
