-- Product renamed "project name" to "project title" everywhere in the UI;
-- follow suit in the schema.
ALTER TABLE projects RENAME COLUMN name TO title;

-- The old payment provider was switched off; its reference is not needed anymore.
ALTER TABLE invoices DROP COLUMN payment_ref;
