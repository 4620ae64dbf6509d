-- locks.md #90 alter_index_attach_partition: AccessExclusive on the partition's index
ALTER INDEX events_payload_idx ATTACH PARTITION events_2023_payload_idx;
