-- zdlint has no history for measurements: it cannot know the table is partitioned, and says nothing.
CREATE INDEX CONCURRENTLY measurements_logdate_idx ON measurements (logdate);
