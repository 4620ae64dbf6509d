-- m partitioned by LIST (region): m_eu (itself partitioned by RANGE (ts): m_eu_2024) and m_us; index m_ts_idx copied onto every partition; CHECK m_v; row trigger m_row and statement trigger m_stmt running f()
CREATE TABLE m (id bigint NOT NULL, region text NOT NULL, ts date NOT NULL, v int, CONSTRAINT m_v CHECK (v > 0)) PARTITION BY LIST (region);
CREATE TABLE m_eu PARTITION OF m FOR VALUES IN ('eu') PARTITION BY RANGE (ts);
CREATE TABLE m_eu_2024 PARTITION OF m_eu FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE m_us PARTITION OF m FOR VALUES IN ('us');
CREATE INDEX m_ts_idx ON m (ts);
CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
CREATE TRIGGER m_row BEFORE UPDATE ON m FOR EACH ROW EXECUTE FUNCTION f();
CREATE TRIGGER m_stmt AFTER UPDATE ON m FOR EACH STATEMENT EXECUTE FUNCTION f();
INSERT INTO m VALUES (1, 'eu', '2024-03-03', 1), (2, 'us', '2024-03-03', 2);
