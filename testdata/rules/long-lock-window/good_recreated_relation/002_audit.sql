-- The sequence created again here is this transaction's own, although the history had one by that
-- name: dropping it takes no AccessExclusiveLock on anything older, so the statements after it
-- lengthen no outage.
BEGIN;
CREATE SEQUENCE audit_seq;
DROP SEQUENCE audit_seq;
CREATE TABLE audit (id bigint);
COMMIT;
