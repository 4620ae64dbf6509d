-- locks.md #131 delete_batch: RowExclusive
DELETE FROM big WHERE id BETWEEN 1 AND 10;
