-- Two concurrent builds: if the second fails, the retry fails on the first ("already exists").
CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email);
-- expect: concurrently-mixed-with-other-statements 2:1
CREATE INDEX CONCURRENTLY accounts_name_idx ON accounts (name);
-- expect: concurrently-mixed-with-other-statements 4:1
