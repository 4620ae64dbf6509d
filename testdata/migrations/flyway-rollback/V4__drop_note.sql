-- zdlint-rollback: restore orders.note from the nightly snapshot (runbook RB-7)
ALTER TABLE orders DROP COLUMN note;
