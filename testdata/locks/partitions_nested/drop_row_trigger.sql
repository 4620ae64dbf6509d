-- extra (not in locks.md): DROP TRIGGER of a row trigger drops its clones on every partition
DROP TRIGGER m_row ON m;
