DROP TABLE profiles;
DROP TABLE legacy_events;
DROP TABLE sessions;
DROP TABLE legacy_audit;
DROP TABLE carts;
DROP TABLE orders;
DROP TABLE reports;
DROP TABLE users;
