-- extra (not in locks.md): deleting a referenced row runs each foreign key's action: ON DELETE
-- CASCADE deletes kid's rows and SET NULL updates kid_null's (RowExclusive on both and their
-- indexes), NO ACTION looks big's rows up FOR KEY SHARE (RowShare)
DELETE FROM parent WHERE id = 8;
