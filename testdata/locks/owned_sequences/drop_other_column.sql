-- extra (not in locks.md): DROP COLUMN of another column leaves the sequence alone
ALTER TABLE serials DROP COLUMN note;
