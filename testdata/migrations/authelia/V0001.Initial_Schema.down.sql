DROP TABLE totp_configurations;
