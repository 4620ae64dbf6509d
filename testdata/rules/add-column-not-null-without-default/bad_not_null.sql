ALTER TABLE accounts ADD COLUMN plan text NOT NULL;
-- expect: add-column-not-null-without-default 1:33
ALTER TABLE accounts
    ADD COLUMN note text,
    ADD COLUMN tier int NOT NULL DEFAULT NULL,
    ADD external_id uuid PRIMARY KEY;
-- expect: add-column-not-null-without-default 5:16
-- expect: add-column-not-null-without-default 6:9
ALTER TABLE billing.invoices ADD COLUMN currency char(3) CHECK (currency <> '') NOT NULL;
-- expect: add-column-not-null-without-default 9:41
