-- accounts exists since the previous migration.
VACUUM (FULL true) accounts;
-- expect: vacuum-full 2:1
