-- depends: 0001_not_null
CREATE INDEX CONCURRENTLY products_code_idx ON products (code);
-- expect: concurrently-in-transaction 2:1
