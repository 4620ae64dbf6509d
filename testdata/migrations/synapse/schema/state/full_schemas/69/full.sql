CREATE TABLE state_groups (id bigint PRIMARY KEY, room_id text);
