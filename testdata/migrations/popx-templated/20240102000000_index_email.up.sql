{{ if .IsPostgreSQL }}
CREATE INDEX users_email_idx ON {{ index .Options "Namespace" }}.users (email);
-- expect: create-index-non-concurrent 2:1
{{ end }}
