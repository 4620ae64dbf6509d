-- locks.md #101 create_statistics: ShareUpdateExclusive
CREATE STATISTICS big_st ON n, flag FROM big;
