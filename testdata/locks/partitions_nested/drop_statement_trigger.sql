-- extra (not in locks.md): DROP TRIGGER of a statement trigger: it has no clones
DROP TRIGGER m_stmt ON m;
