\set ON_ERROR_STOP on
CREATE TABLE users (id bigint PRIMARY KEY, email text);
CREATE TABLE reports (id bigint PRIMARY KEY, body text);
CREATE TABLE orders (id bigint PRIMARY KEY, total numeric);
CREATE TABLE carts (id bigint PRIMARY KEY, coupon text);
CREATE TABLE legacy_audit (id bigint PRIMARY KEY, note text);
CREATE TABLE sessions (id bigint PRIMARY KEY, legacy_token text);
CREATE TABLE legacy_events (id bigint PRIMARY KEY, payload text);
