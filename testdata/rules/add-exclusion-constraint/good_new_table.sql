CREATE TABLE reservations (id bigint PRIMARY KEY, room_id int NOT NULL, during tstzrange NOT NULL);
-- reservations is new in this migration: empty and unused.
ALTER TABLE reservations ADD CONSTRAINT reservations_no_overlap EXCLUDE USING gist (room_id WITH =, during WITH &&);
