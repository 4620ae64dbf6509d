-- locks.md #91 create_index: Share
CREATE INDEX big_t_idx ON big (t);
