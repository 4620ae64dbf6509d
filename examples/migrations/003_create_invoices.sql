-- Invoices, one per account and billing period. Amounts are stored in cents.
-- payment_ref is the reference of the old payment provider; the new
-- integration keeps its own table, so this column is on its way out.

SET lock_timeout = '2s';  -- the foreign keys lock accounts and projects

CREATE TABLE invoices (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id    bigint      NOT NULL REFERENCES accounts (id),
    project_id    bigint      REFERENCES projects (id),
    number        text        NOT NULL UNIQUE,
    status        text        NOT NULL DEFAULT 'draft',
    amount_cents  bigint      NOT NULL CHECK (amount_cents >= 0),
    currency      text        NOT NULL DEFAULT 'EUR',
    payment_ref   text,
    issued_at     timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT invoices_status_check CHECK (status IN ('draft', 'open', 'paid', 'void'))
);
