ALTER TABLE accounts RENAME COLUMN plan TO tier;
---- create above / drop below ----
ALTER TABLE accounts RENAME COLUMN tier TO plan;
