CREATE TABLE order_notes (id bigint PRIMARY KEY, order_id bigint);
-- order_notes is new in this migration: the scan of an empty table is instant.
ALTER TABLE order_notes ADD CONSTRAINT order_notes_order_fk FOREIGN KEY (order_id) REFERENCES orders (id);
