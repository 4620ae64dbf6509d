CREATE TABLE sessions (id bigint PRIMARY KEY);
ALTER TABLE sessions ADD COLUMN token uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE sessions ADD COLUMN seq bigserial;
