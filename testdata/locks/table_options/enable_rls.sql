-- locks.md #72 enable_rls
ALTER TABLE big ENABLE ROW LEVEL SECURITY;
