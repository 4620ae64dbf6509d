-- The dunning job scans open invoices by issue date every night.
CREATE INDEX invoices_status_issued_at_idx ON invoices (status, issued_at);

-- Some environments got this index by hand during the March incident.
-- Only create it where it is still missing.
DO $$
BEGIN
    IF NOT EXISTS (
        SELECT 1
        FROM pg_indexes
        WHERE schemaname = 'public'
          AND indexname = 'projects_account_id_archived_at_idx'
    ) THEN
        CREATE INDEX projects_account_id_archived_at_idx
            ON projects (account_id, archived_at);
    END IF;
END
$$;
