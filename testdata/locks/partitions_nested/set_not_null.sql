-- extra (not in locks.md): SET NOT NULL: every partition, nested ones too, locked and scanned
ALTER TABLE m ALTER COLUMN v SET NOT NULL;
