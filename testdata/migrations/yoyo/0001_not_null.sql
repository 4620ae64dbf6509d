-- Make the product code mandatory
-- depends: 0002_products
ALTER TABLE products
  ALTER COLUMN code SET NOT NULL,
  ALTER COLUMN label SET NOT NULL;
-- expect: set-not-null 5:3
