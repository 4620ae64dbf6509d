---- tern: disable-tx ----
CREATE INDEX CONCURRENTLY widgets_label_idx ON widgets (label);
CREATE INDEX CONCURRENTLY widgets_id_label_idx ON widgets (id, label);
---- create above / drop below ----
DROP INDEX CONCURRENTLY widgets_id_label_idx;
DROP INDEX CONCURRENTLY widgets_label_idx;
