-- extra (not in locks.md): CREATE RULE takes AccessExclusive on its table
CREATE RULE customers_no_insert AS ON INSERT TO customers DO INSTEAD NOTHING;
