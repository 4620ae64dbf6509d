-- locks.md #130 update_backfill_batch: RowExclusive, one batch
UPDATE big SET s = n::text WHERE id BETWEEN 1 AND 10;
