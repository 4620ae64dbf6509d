---- tern: disable-tx ----
CREATE INDEX CONCURRENTLY widgets_label_idx ON widgets (label);
---- create above / drop below ----
DROP INDEX CONCURRENTLY widgets_label_idx;
