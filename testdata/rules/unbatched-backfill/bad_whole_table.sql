UPDATE accounts SET status = 'active';
-- expect: unbatched-backfill 1:1
DELETE FROM sessions WHERE true;
-- expect: unbatched-backfill 3:1
UPDATE accounts SET plan = 'free' WHERE 1 = 1;
-- expect: unbatched-backfill 5:1
UPDATE accounts SET plan = 'free' WHERE id = id;
-- expect: unbatched-backfill 7:1
UPDATE accounts
   SET note = ''
 WHERE note IS NULL OR note IS NOT NULL;
-- expect: unbatched-backfill 9:1
DELETE FROM sessions WHERE NOT false;
-- expect: unbatched-backfill 13:1
UPDATE accounts SET plan = 'free' WHERE 't'::boolean OR plan = 'pro';
-- expect: unbatched-backfill 15:1
UPDATE accounts SET plan = 'free' FROM plans;
-- expect: unbatched-backfill 17:1
