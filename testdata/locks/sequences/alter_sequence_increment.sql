-- locks.md #124 alter_sequence_increment: ShareRowExclusive on the sequence
ALTER SEQUENCE order_seq INCREMENT BY 10;
