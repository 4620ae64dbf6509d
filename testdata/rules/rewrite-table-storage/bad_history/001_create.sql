CREATE UNLOGGED TABLE page_views (id bigint PRIMARY KEY, path text NOT NULL);
CREATE INDEX page_views_path_idx ON page_views (path);
