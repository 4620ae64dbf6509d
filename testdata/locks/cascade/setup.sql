-- orders (serial id) with views order_ids, order_ids_2 (on order_ids) and order_totals (orders joined
-- with customers), materialized view order_counts with an index; enum status used by tickets, domain
-- positive used by amounts, sequence ticket_no drawn on by tickets' default; schema archive holding
-- old_orders (serial id) and sequence archive.batch, with a view outside it; trigger function stamp
-- run by amounts' trigger amounts_stamp
CREATE TABLE customers (id int PRIMARY KEY, name text);
INSERT INTO customers SELECT g, 'c' || g FROM generate_series(1, 10) g;
CREATE TABLE orders (id serial PRIMARY KEY, customer_id int, total numeric);
INSERT INTO orders (customer_id, total) SELECT g % 10 + 1, g FROM generate_series(1, 20) g;
CREATE VIEW order_ids AS SELECT id, total FROM orders;
CREATE VIEW order_ids_2 AS SELECT id FROM order_ids;
CREATE VIEW order_totals AS SELECT c.name, o.total FROM orders o JOIN customers c ON c.id = o.customer_id;
CREATE MATERIALIZED VIEW order_counts AS SELECT customer_id, count(*) AS n FROM orders GROUP BY customer_id;
CREATE INDEX order_counts_customer ON order_counts (customer_id);
CREATE TYPE status AS ENUM ('open', 'closed');
CREATE SEQUENCE ticket_no;
CREATE TABLE tickets (id int DEFAULT nextval('ticket_no'), state status);
INSERT INTO tickets (state) SELECT 'open' FROM generate_series(1, 5);
CREATE DOMAIN positive AS numeric CHECK (VALUE > 0);
CREATE TABLE amounts (id int, amount positive);
INSERT INTO amounts SELECT g, g FROM generate_series(1, 5) g;
CREATE SCHEMA archive;
CREATE TABLE archive.old_orders (id serial PRIMARY KEY, total numeric);
CREATE SEQUENCE archive.batch;
CREATE VIEW recent_archive AS SELECT id FROM archive.old_orders;
CREATE FUNCTION stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER amounts_stamp BEFORE INSERT ON amounts FOR EACH ROW EXECUTE FUNCTION stamp();
