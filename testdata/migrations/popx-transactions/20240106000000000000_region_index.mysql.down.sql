ALTER TABLE accounts DROP INDEX accounts_region_idx;
