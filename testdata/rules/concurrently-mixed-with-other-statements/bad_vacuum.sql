DELETE FROM sessions WHERE expires_at < now() - interval '30 days';
VACUUM sessions;
-- expect: concurrently-mixed-with-other-statements 2:1
