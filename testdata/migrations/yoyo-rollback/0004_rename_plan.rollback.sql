ALTER TABLE accounts RENAME COLUMN tier TO plan;
