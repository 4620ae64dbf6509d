-- uuid_generate_v4() comes from the uuid-ossp extension; functions zdlint has not
-- seen created are VOLATILE by PostgreSQL's default.
ALTER TABLE accounts ADD COLUMN ext_id uuid DEFAULT uuid_generate_v4();
-- expect: add-column-volatile-default 3:33
