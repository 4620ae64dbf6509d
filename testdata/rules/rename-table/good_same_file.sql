CREATE TABLE project_drafts (id bigint PRIMARY KEY);
ALTER TABLE project_drafts RENAME TO workspace_drafts;
ALTER TABLE workspace_drafts RENAME COLUMN id TO draft_id;
