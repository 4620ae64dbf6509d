-- Accounts are the tenants of the app: one row per customer organisation.
-- Everything else (projects, invoices) hangs off an account.

CREATE TABLE accounts (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text        NOT NULL,
    email       text        NOT NULL,
    plan        text        NOT NULL DEFAULT 'free',
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT accounts_plan_check CHECK (plan IN ('free', 'team', 'enterprise'))
);

-- Sign-up looks accounts up by e-mail, case-insensitively.
-- The table is brand new, so a plain CREATE INDEX is fine here.
CREATE UNIQUE INDEX accounts_email_lower_key ON accounts (lower(email));
