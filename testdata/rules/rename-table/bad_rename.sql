ALTER TABLE projects RENAME TO workspaces;
-- expect: rename-table 1:1
ALTER TABLE IF EXISTS billing.invoices
    RENAME TO bills;
-- expect: rename-table 3:1
