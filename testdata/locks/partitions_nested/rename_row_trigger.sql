-- extra (not in locks.md): ALTER TRIGGER RENAME of a row trigger renames its clones on the partitions (PostgreSQL 15+)
ALTER TRIGGER m_row ON m RENAME TO m_row_renamed;
