-- locks.md #120 grant_select: no relation lock
GRANT SELECT ON big TO zdlint_app;
