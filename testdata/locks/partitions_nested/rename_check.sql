-- extra (not in locks.md): RENAME CONSTRAINT of an inherited CHECK renames it in every partition
ALTER TABLE m RENAME CONSTRAINT m_v TO m_w;
