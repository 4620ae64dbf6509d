ALTER VIEW project_totals RENAME TO workspace_totals;
ALTER INDEX projects_name_idx RENAME TO projects_title_idx;
ALTER SEQUENCE projects_id_seq RENAME TO projects_seq;
ALTER TABLE projects RENAME CONSTRAINT projects_name_check TO projects_title_check;
ALTER MATERIALIZED VIEW project_cache RENAME TO workspace_cache;
