-- The sequence created again here is this transaction's own, although the history had one by that
-- name: ALTER SEQUENCE ... OWNED BY on it locks nothing older. The first existing table this
-- transaction locks against writes is accounts (the foreign key), the second invoices.
BEGIN;
CREATE TABLE widgets (id integer NOT NULL, account_id integer);
CREATE SEQUENCE widgets_id_seq;
ALTER SEQUENCE widgets_id_seq OWNED BY widgets.id;
ALTER TABLE widgets ALTER COLUMN id SET DEFAULT nextval('widgets_id_seq');
ALTER TABLE widgets ADD CONSTRAINT widgets_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id);
ALTER TABLE invoices ADD COLUMN note text;
-- expect: lock-ordering-risk 10:1
COMMIT;
