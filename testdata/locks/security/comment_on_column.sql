-- locks.md #119 comment_on_column: ShareUpdateExclusive
COMMENT ON COLUMN big.n IS 'hello';
