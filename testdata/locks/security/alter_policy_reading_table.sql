-- extra (not in locks.md): ALTER POLICY whose new USING reads another table
CREATE POLICY big_all ON big USING (true);
ALTER POLICY big_all ON big USING (parent_id IN (SELECT id FROM parent));
