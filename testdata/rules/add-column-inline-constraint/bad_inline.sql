ALTER TABLE accounts ADD COLUMN score int CHECK (score >= 0);
-- expect: add-column-inline-constraint 1:43
ALTER TABLE accounts ADD COLUMN email text UNIQUE;
-- expect: add-column-inline-constraint 3:44
ALTER TABLE accounts ADD COLUMN code text CONSTRAINT accounts_code_key UNIQUE;
-- expect: add-column-inline-constraint 5:43
ALTER TABLE accounts ADD COLUMN uid bigint PRIMARY KEY;
-- expect: add-column-inline-constraint 7:44
ALTER TABLE accounts ADD COLUMN plan_id bigint REFERENCES plans (id);
-- expect: add-column-inline-constraint 9:48
ALTER TABLE accounts ADD COLUMN tier_id bigint NOT NULL DEFAULT 1 REFERENCES tiers (id) CHECK (tier_id > 0);
-- expect: add-column-inline-constraint 11:67
-- expect: add-column-inline-constraint 11:89
