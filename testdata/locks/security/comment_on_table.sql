-- locks.md #118 comment_on_table: ShareUpdateExclusive
COMMENT ON TABLE big IS 'hello';
