-- extra (not in locks.md): DROP SCHEMA ... CASCADE drops every relation in it (table, index, owned
-- and free sequences) and the view outside it built on one (AccessExclusive on each)
DROP SCHEMA archive CASCADE;
