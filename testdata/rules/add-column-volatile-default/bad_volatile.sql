ALTER TABLE accounts ADD COLUMN public_id uuid DEFAULT gen_random_uuid();
-- expect: add-column-volatile-default 1:33

ALTER TABLE accounts ADD COLUMN jitter float8 NOT NULL DEFAULT random(),
                     ADD COLUMN seen_at timestamptz DEFAULT clock_timestamp();
-- expect: add-column-volatile-default 4:33
-- expect: add-column-volatile-default 5:33

ALTER TABLE accounts ADD COLUMN ticket bigint DEFAULT nextval('tickets_seq'::regclass);
-- expect: add-column-volatile-default 9:33

ALTER TABLE accounts ADD token text DEFAULT md5(random()::text);
-- expect: add-column-volatile-default 12:26
