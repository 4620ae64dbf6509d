-- depends: 0003_index_code
-- transactional: false
CREATE INDEX CONCURRENTLY products_label_idx ON products (label);
CREATE INDEX CONCURRENTLY products_id_label_idx ON products (id, label);
