-- extra (not in locks.md): DROP COLUMN ... CASCADE of a referenced unique column: the foreign key
-- through it (big's) is dropped with it
ALTER TABLE parent DROP COLUMN code CASCADE;
