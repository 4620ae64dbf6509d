-- PostgreSQL refuses DETACH … CONCURRENTLY while a DEFAULT partition exists; the lock is reported
-- all the same, with advice that fits.
ALTER TABLE events DETACH PARTITION events_2023;
-- expect: detach-partition-non-concurrent 3:20
