-- Fires for a new table too: a UNIQUE build can fail on rows the same file inserted, and the retry
-- trap does not depend on the table's size.
CREATE TABLE IF NOT EXISTS handles (id bigint, handle text);
INSERT INTO handles VALUES (1, 'a'), (2, 'a');
create unique index concurrently if not exists handles_handle_key on handles (handle);
-- expect: concurrently-if-not-exists 5:34
