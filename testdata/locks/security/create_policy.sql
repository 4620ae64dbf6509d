-- locks.md #117 create_policy: AccessExclusive
CREATE POLICY big_pol ON big USING (flag);
