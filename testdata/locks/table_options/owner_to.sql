-- locks.md #73 owner_to: AccessExclusive on the table and every index
ALTER TABLE big OWNER TO zdlint_app;
