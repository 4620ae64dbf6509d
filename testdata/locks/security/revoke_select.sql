-- locks.md #121 revoke_select: no relation lock
REVOKE SELECT ON big FROM zdlint_app;
