CREATE TABLE totp_configurations (id serial PRIMARY KEY, username varchar(100) NOT NULL);
