-- Synapse orders delta/70/ by file name across main/ and state/: after state's 01_, before 71/.
ALTER TABLE events ADD CONSTRAINT events_room_id_not_null CHECK (room_id IS NOT NULL);
