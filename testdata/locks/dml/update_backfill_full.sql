-- locks.md #129 update_backfill_full: RowExclusive, every row
UPDATE big SET s = n::text;
