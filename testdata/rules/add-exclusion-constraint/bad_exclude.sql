ALTER TABLE reservations ADD CONSTRAINT reservations_no_overlap EXCLUDE USING gist (room_id WITH =, during WITH &&);
-- expect: add-exclusion-constraint 1:26
