-- locks.md #122 create_sequence: new relation only
CREATE SEQUENCE other_seq;
