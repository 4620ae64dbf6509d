ALTER TABLE accounts ADD COLUMN fax text;
