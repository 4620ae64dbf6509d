CREATE TABLE bookings (id bigint PRIMARY KEY, room_id int NOT NULL, during tstzrange NOT NULL);
