-- Plain VACUUM and ANALYZE take ShareUpdateExclusiveLock: reads and writes continue.
VACUUM accounts;
VACUUM ANALYZE accounts;
VACUUM (VERBOSE, ANALYZE) accounts;
VACUUM (FULL false) accounts;
VACUUM (FULL off) accounts;
ANALYZE accounts;
VACUUM;
