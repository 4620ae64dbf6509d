-- Bare columns: catalog-only changes.
ALTER TABLE accounts ADD COLUMN email text;
ALTER TABLE accounts ADD COLUMN active boolean NOT NULL DEFAULT true;
ALTER TABLE accounts ADD COLUMN created_at timestamptz DEFAULT now();
-- A reference to the table itself adds no lock beyond the ADD COLUMN's own, and a NULL column is not checked.
ALTER TABLE accounts ADD COLUMN parent_id bigint REFERENCES accounts (id);
