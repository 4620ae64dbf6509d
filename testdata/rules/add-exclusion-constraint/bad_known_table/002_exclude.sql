ALTER TABLE bookings
  ADD EXCLUDE USING gist (room_id WITH =, during WITH &&) WHERE (room_id > 0);
-- expect: add-exclusion-constraint 2:3
