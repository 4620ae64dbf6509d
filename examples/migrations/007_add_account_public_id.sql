-- Public API: expose accounts by an opaque identifier instead of the
-- sequential primary key. Every existing account needs one too.
ALTER TABLE accounts
    ADD COLUMN public_id uuid NOT NULL DEFAULT gen_random_uuid();
