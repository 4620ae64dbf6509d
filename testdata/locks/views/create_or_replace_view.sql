-- locks.md #103 create_or_replace_view: AccessExclusive on the view
CREATE OR REPLACE VIEW big_v AS SELECT id, n, v FROM big;
