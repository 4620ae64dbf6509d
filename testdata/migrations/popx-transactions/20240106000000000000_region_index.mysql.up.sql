ALTER TABLE accounts ADD INDEX accounts_region_idx (region(32));
