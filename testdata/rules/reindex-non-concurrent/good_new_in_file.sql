CREATE TABLE imports (id bigint PRIMARY KEY, source text);
CREATE INDEX imports_source_idx ON imports (source);
REINDEX INDEX imports_source_idx;
REINDEX TABLE imports;
