-- order_seq was not created by the migrations zdlint read: assumed in use.
ALTER SEQUENCE order_seq RESTART WITH 100000;
-- expect: alter-sequence-blocks-inserts 2:1
ALTER SEQUENCE order_seq INCREMENT BY 10;
-- expect: alter-sequence-blocks-inserts 4:1
-- Every ALTER SEQUENCE opens the sequence in ShareRowExclusiveLock, whatever it changes.
ALTER SEQUENCE IF EXISTS order_seq OWNED BY orders.id;
-- expect: alter-sequence-blocks-inserts 7:1
ALTER SEQUENCE billing.invoice_seq CACHE 50;
-- expect: alter-sequence-blocks-inserts 9:1
