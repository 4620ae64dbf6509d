-- locks.md #116 alter_domain_add_constraint: Share on every table using the domain, scan
ALTER DOMAIN posint ADD CONSTRAINT posint_chk CHECK (VALUE > 0);
