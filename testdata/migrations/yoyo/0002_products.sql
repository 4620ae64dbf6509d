-- yoyo applies this migration before 0001_not_null, which depends on it: the validated CHECK
-- below is already there when code becomes NOT NULL.
CREATE TABLE products (id bigint PRIMARY KEY, code text, label text,
  CONSTRAINT products_code_not_null CHECK (code IS NOT NULL));
