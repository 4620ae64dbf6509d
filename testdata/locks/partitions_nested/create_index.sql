-- extra (not in locks.md): CREATE INDEX on a partitioned table builds a copy on every partition, nested ones too
CREATE INDEX m_v_idx ON m (v);
