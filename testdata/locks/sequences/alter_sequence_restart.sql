-- locks.md #123 alter_sequence_restart: ShareRowExclusive on the sequence
ALTER SEQUENCE order_seq RESTART WITH 100000;
