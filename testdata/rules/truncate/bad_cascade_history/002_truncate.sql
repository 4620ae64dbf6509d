SET lock_timeout = '2s';
TRUNCATE accounts CASCADE;
-- expect: truncate 2:1
