-- extra (not in locks.md): a query reading a view reads its base table too (AccessShare on big):
-- the rewriter expands the view
SELECT count(*) FROM big_v;
