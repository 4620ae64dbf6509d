-- Up Migration
ALTER TABLE accounts RENAME COLUMN plan TO tier;

-- Down Migration
ALTER TABLE accounts RENAME COLUMN tier TO plan;
