ALTER TABLE accounts ADD COLUMN region text DEFAULT default_region();
ALTER TABLE accounts ADD COLUMN plan int NOT NULL DEFAULT plan_zero();
