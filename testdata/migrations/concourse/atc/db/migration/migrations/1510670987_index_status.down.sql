DROP INDEX builds_status_idx;
