-- accounts comes from an earlier migration that is not part of this run, so zdlint
-- assumes a large table in use.
CREATE INDEX accounts_email_idx ON accounts (email);
-- expect: create-index-non-concurrent 3:1

CREATE UNIQUE INDEX IF NOT EXISTS accounts_handle_key
    ON public.accounts (handle);
-- expect: create-index-non-concurrent 6:1

   create index on billing.invoices using btree (lower(number)) where voided_at is null;
-- expect: create-index-non-concurrent 10:4
