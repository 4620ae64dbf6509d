-- extra (not in locks.md): CREATE POLICY whose USING and WITH CHECK read other tables: AccessShareLock on them
CREATE POLICY big_by_parent ON big USING (parent_id IN (SELECT id FROM parent)) WITH CHECK (EXISTS (SELECT 1 FROM parent p WHERE p.id = parent_id));
