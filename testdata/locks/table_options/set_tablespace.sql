-- locks.md #62 set_tablespace: files copied under AccessExclusive
ALTER TABLE big SET TABLESPACE zdlint_ts;
