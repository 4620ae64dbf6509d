-- Since PostgreSQL 11 a non-volatile default is stored in the catalog: no rewrite.
ALTER TABLE accounts ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE accounts ADD COLUMN updated_at timestamptz DEFAULT CURRENT_TIMESTAMP;
ALTER TABLE accounts ADD COLUMN day date DEFAULT now()::date;
ALTER TABLE accounts ADD COLUMN score int NOT NULL DEFAULT 0;
ALTER TABLE accounts ADD COLUMN tier text DEFAULT 'free', ADD COLUMN note text;
ALTER TABLE accounts ADD COLUMN deleted_at timestamptz DEFAULT NULL;
ALTER TABLE accounts ADD COLUMN tags text[] DEFAULT '{}'::text[];
ALTER TABLE accounts ADD COLUMN owner text DEFAULT current_user;
