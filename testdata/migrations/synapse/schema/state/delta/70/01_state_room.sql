-- Synapse runs the upgrade in one transaction: CONCURRENTLY fails here.
CREATE INDEX CONCURRENTLY state_groups_room_idx ON state_groups (room_id);
-- expect: concurrently-in-transaction 2:1
