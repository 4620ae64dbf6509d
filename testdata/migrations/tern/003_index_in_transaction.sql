CREATE INDEX CONCURRENTLY widgets_label_id_idx ON widgets (label, id);
-- expect: concurrently-in-transaction 1:1
---- create above / drop below ----
DROP INDEX widgets_label_id_idx;
