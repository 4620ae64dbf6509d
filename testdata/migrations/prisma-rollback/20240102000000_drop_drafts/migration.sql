/* zdlint-rollback: drafts are recreated empty by 20240101000000_init; their rows are not needed */
DROP TABLE "Draft";
