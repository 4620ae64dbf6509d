CREATE TABLE IF NOT EXISTS {{ index .Options "Namespace" }}.users (id uuid PRIMARY KEY, email text);
