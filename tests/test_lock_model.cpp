// The lock model, catalog replay and session state, through the engine: a history, then one
// statement, and what the model predicts for it. The same facts are checked against a real
// PostgreSQL by test_locks_pg.cpp; these cover versions and settings a single server cannot.
#include <doctest/doctest.h>

#include "analyzer/engine.h"
#include "analyzer/sql_types.h"
#include "tests/test_support.h"

namespace zdlint {
namespace {

struct Observed {
  StatementEffects effects;
  std::optional<int64_t> lock_timeout_ms;
  bool in_transaction = false;
  std::vector<std::string> write_locked;  // the pre-existing tables whose writes the transaction blocks
};

// Replays `history` then `statements` (two files) and returns what the model said about the last
// statement of the second file.
Observed last_statement(const std::string& history, const std::string& statements, int pg_version = 15,
                        bool assume_in_transaction = false) {
  test::TempDir dir;
  const auto first = dir.write("001_history.sql", history.empty() ? "SELECT 1;" : history);
  const auto second = dir.write("002_subject.sql", statements);
  LintRequest request;
  request.paths = {first.string(), second.string()};
  request.run_rules = false;
  request.settings.pg_version = pg_version;
  request.settings.assume_in_transaction = assume_in_transaction;
  Observed observed;
  request.on_effects = [&](FileId file, const SourceFile&, const Statement&, const Session& session,
                           const StatementEffects& effects) {
    if (file != 1) return;
    observed.effects = effects;
    observed.in_transaction = session.in_transaction();
    observed.lock_timeout_ms = session.lock_timeout() ? std::optional(session.lock_timeout()->milliseconds) : std::nullopt;
    observed.write_locked.clear();
    for (const QualifiedName& name : session.write_locked()) observed.write_locked.push_back(name.str());
  };
  const LintResult result = run_lint(request);
  REQUIRE(result.diagnostics.empty());  // no syntax errors in the fixtures
  return observed;
}

const LockEffect& effect_on(const StatementEffects& effects, const std::string& relation) {
  const auto dot = relation.find('.');
  const LockEffect* effect = effects.find({relation.substr(0, dot), relation.substr(dot + 1)});
  REQUIRE_MESSAGE(effect != nullptr, "no effect on ", relation);
  return *effect;
}

const std::string kBig =
    "CREATE TABLE parent (id bigint PRIMARY KEY);\n"
    "CREATE TABLE big (id bigint PRIMARY KEY, parent_id bigint, n int, v varchar(50), t text, ts timestamp,\n"
    "                  amount numeric(10,2));\n"
    "CREATE INDEX big_n_idx ON big (n);\n"
    "CREATE INDEX big_v_idx ON big (v);\n";

}  // namespace

TEST_CASE("lock modes: names and the conflict matrix") {
  CHECK(lock_name(LockMode::AccessExclusive) == "AccessExclusiveLock");
  CHECK(lock_from_name("ShareUpdateExclusiveLock") == LockMode::ShareUpdateExclusive);
  CHECK_FALSE(lock_from_name("Exclusive").has_value());
  CHECK(conflicts(LockMode::Share, LockMode::RowExclusive));
  CHECK_FALSE(conflicts(LockMode::Share, LockMode::Share));
  CHECK_FALSE(conflicts(LockMode::ShareUpdateExclusive, LockMode::RowExclusive));
  CHECK(conflicts(LockMode::ShareUpdateExclusive, LockMode::ShareUpdateExclusive));
  CHECK(conflicts(LockMode::Exclusive, LockMode::RowShare));
  CHECK_FALSE(conflicts(LockMode::Exclusive, LockMode::AccessShare));
  const Blocked share = blocked_by(LockMode::Share);
  CHECK((!share.reads && share.writes && share.ddl));
  const Blocked access_exclusive = blocked_by(LockMode::AccessExclusive);
  CHECK((access_exclusive.reads && access_exclusive.writes && access_exclusive.ddl));
}

TEST_CASE("type changes: binary-coercible or a rewrite") {
  const auto type = [](std::string name, std::vector<int> mods = {}) { return SqlType{"", std::move(name), std::move(mods)}; };
  CHECK(classify_type_change(type("varchar", {50}), type("varchar", {100}), false) == TypeChange::BinaryCoercible);
  CHECK(classify_type_change(type("varchar", {50}), type("varchar", {20}), false) == TypeChange::Rewrite);
  CHECK(classify_type_change(type("varchar", {50}), type("text"), false) == TypeChange::BinaryCoercible);
  CHECK(classify_type_change(type("text"), type("varchar", {100}), false) == TypeChange::Rewrite);
  CHECK(classify_type_change(type("numeric", {10, 2}), type("numeric", {12, 2}), false) == TypeChange::BinaryCoercible);
  CHECK(classify_type_change(type("numeric", {10, 2}), type("numeric", {12, 4}), false) == TypeChange::Rewrite);
  CHECK(classify_type_change(type("int4"), type("int8"), false) == TypeChange::Rewrite);
  CHECK(classify_type_change(type("timestamp"), type("timestamptz"), false) == TypeChange::CoercibleIfUtc);
  CHECK(classify_type_change(type("varchar", {50}), type("varchar", {100}), true) == TypeChange::Rewrite);
  CHECK(classify_type_change(type("timestamp", {3}), type("timestamp", {6}), false) == TypeChange::BinaryCoercible);
  CHECK(classify_type_change(type("timestamp", {6}), type("timestamp", {3}), false) == TypeChange::Rewrite);
  CHECK(classify_type_change(type("timestamptz"), type("timestamp"), false) == TypeChange::CoercibleIfUtc);
  SqlType varchar_array = type("varchar", {10});
  varchar_array.array = true;
  SqlType text_array = type("text");
  text_array.array = true;
  CHECK(classify_type_change(varchar_array, text_array, false) == TypeChange::Rewrite);
}

TEST_CASE("ADD COLUMN: fast defaults, volatile defaults and versions") {
  SUBCASE("DEFAULT now() is stable: catalog-only on PG11+") {
    const auto observed = last_statement(kBig, "ALTER TABLE big ADD COLUMN c timestamptz DEFAULT now();");
    const auto& e = effect_on(observed.effects, "public.big");
    CHECK(e.lock == LockMode::AccessExclusive);
    CHECK_FALSE(e.rewrite);
    CHECK(e.cost() == Cost::CatalogOnly);
  }
  SUBCASE("a constant default rewrites before PG11") {
    const auto observed = last_statement(kBig, "ALTER TABLE big ADD COLUMN c int DEFAULT 42;", 10);
    CHECK(effect_on(observed.effects, "public.big").rewrite);
    CHECK(effect_on(observed.effects, "public.big_n_idx").index_rebuilt);
  }
  SUBCASE("gen_random_uuid() rewrites and rebuilds every index") {
    const auto observed = last_statement(kBig, "ALTER TABLE big ADD COLUMN c uuid DEFAULT gen_random_uuid();");
    CHECK(effect_on(observed.effects, "public.big").rewrite);
    CHECK(effect_on(observed.effects, "public.big_pkey").lock == LockMode::AccessExclusive);
    CHECK(effect_on(observed.effects, "public.big_v_idx").index_rebuilt);
  }
  SUBCASE("a user function declared STABLE earlier in the history") {
    const auto observed = last_statement(
        kBig + "CREATE FUNCTION today_utc() RETURNS date LANGUAGE sql STABLE AS 'SELECT current_date';",
        "ALTER TABLE big ADD COLUMN d date DEFAULT today_utc();");
    CHECK_FALSE(effect_on(observed.effects, "public.big").rewrite);
  }
  SUBCASE("inline REFERENCES locks the referenced table in ShareRowExclusiveLock") {
    const auto observed = last_statement(kBig, "ALTER TABLE big ADD COLUMN p2 bigint REFERENCES parent (id);");
    CHECK(effect_on(observed.effects, "public.parent").lock == LockMode::ShareRowExclusive);
  }
  SUBCASE("a non-NULL default on a REFERENCES column is checked row by row") {
    CHECK(effect_on(last_statement(kBig, "ALTER TABLE big ADD COLUMN p2 bigint DEFAULT 1 REFERENCES parent (id);").effects,
                    "public.big")
              .scan);
    CHECK_FALSE(effect_on(last_statement(kBig, "ALTER TABLE big ADD COLUMN p2 bigint REFERENCES parent (id);").effects,
                          "public.big")
                    .scan);
  }
  SUBCASE("a NOT NULL domain, or a domain over a constrained domain, rewrites") {
    CHECK(effect_on(last_statement(kBig + "CREATE DOMAIN nn AS int NOT NULL;", "ALTER TABLE big ADD COLUMN c nn DEFAULT 1;").effects,
                    "public.big")
              .rewrite);
    CHECK(effect_on(last_statement(kBig + "CREATE DOMAIN pos AS int CHECK (VALUE > 0); CREATE DOMAIN small_pos AS pos;",
                                   "ALTER TABLE big ADD COLUMN c small_pos;")
                        .effects,
                    "public.big")
              .rewrite);
    CHECK_FALSE(effect_on(last_statement(kBig + "CREATE DOMAIN plain AS int;", "ALTER TABLE big ADD COLUMN c plain;").effects,
                          "public.big")
                    .rewrite);
  }
  SUBCASE("a domain with a CHECK rewrites") {
    const auto observed =
        last_statement(kBig + "CREATE DOMAIN posint AS int CHECK (VALUE > 0);", "ALTER TABLE big ADD COLUMN c posint;");
    CHECK(effect_on(observed.effects, "public.big").rewrite);
  }
}

TEST_CASE("ALTER COLUMN TYPE uses the type the history created") {
  CHECK_FALSE(effect_on(last_statement(kBig, "ALTER TABLE big ALTER COLUMN v TYPE varchar(100);").effects, "public.big").rewrite);
  CHECK(effect_on(last_statement(kBig, "ALTER TABLE big ALTER COLUMN v TYPE varchar(20);").effects, "public.big").rewrite);
  SUBCASE("binary-coercible: the column's index is re-created, not rebuilt") {
    const auto observed = last_statement(kBig, "ALTER TABLE big ALTER COLUMN v TYPE text;");
    CHECK(effect_on(observed.effects, "public.big_v_idx").lock == LockMode::AccessExclusive);
    CHECK_FALSE(effect_on(observed.effects, "public.big_v_idx").index_rebuilt);
    CHECK(observed.effects.find({"public", "big_n_idx"}) == nullptr);
  }
  SUBCASE("timestamp to timestamptz: no rewrite only under UTC on PG12+") {
    CHECK_FALSE(effect_on(last_statement(kBig, "SET TimeZone = 'UTC'; ALTER TABLE big ALTER COLUMN ts TYPE timestamptz;").effects,
                          "public.big")
                    .rewrite);
    CHECK(effect_on(last_statement(kBig, "SET TimeZone = 'UTC'; ALTER TABLE big ALTER COLUMN ts TYPE timestamptz;", 11).effects,
                    "public.big")
              .rewrite);
    CHECK(effect_on(last_statement(kBig, "ALTER TABLE big ALTER COLUMN ts TYPE timestamptz;").effects, "public.big").rewrite);
  }
  SUBCASE("unknown table: a rewrite is assumed, and said so") {
    const auto observed = last_statement("", "ALTER TABLE accounts ALTER COLUMN email TYPE text;");
    const auto& e = effect_on(observed.effects, "public.accounts");
    CHECK(e.rewrite);
    CHECK(e.assumed);
    CHECK_FALSE(e.known);
  }
  SUBCASE("the type of a referenced key: the referencing table is re-checked") {
    const auto observed =
        last_statement(kBig + "ALTER TABLE big ADD CONSTRAINT big_parent_fk FOREIGN KEY (parent_id) REFERENCES parent (id);",
                       "ALTER TABLE parent ALTER COLUMN id TYPE int;");
    CHECK(effect_on(observed.effects, "public.big").lock == LockMode::AccessExclusive);
    CHECK(effect_on(observed.effects, "public.big").scan);
  }
}

TEST_CASE("SET NOT NULL skips the scan with a validated CHECK from an earlier migration (PG12+)") {
  const std::string valid = kBig + "ALTER TABLE big ADD CONSTRAINT n_nn CHECK (n IS NOT NULL) NOT VALID;\n"
                                   "ALTER TABLE big VALIDATE CONSTRAINT n_nn;\n";
  CHECK_FALSE(effect_on(last_statement(valid, "ALTER TABLE big ALTER COLUMN n SET NOT NULL;").effects, "public.big").scan);
  CHECK(effect_on(last_statement(valid, "ALTER TABLE big ALTER COLUMN n SET NOT NULL;", 11).effects, "public.big").scan);
  const std::string not_valid = kBig + "ALTER TABLE big ADD CONSTRAINT n_nn CHECK (n IS NOT NULL) NOT VALID;\n";
  CHECK(effect_on(last_statement(not_valid, "ALTER TABLE big ALTER COLUMN n SET NOT NULL;").effects, "public.big").scan);
  SUBCASE("on a table the history never created, what the history added to it still counts") {
    const std::string recipe = "ALTER TABLE accounts ADD CONSTRAINT email_nn CHECK (email IS NOT NULL AND name IS NOT NULL) NOT VALID;\n"
                               "ALTER TABLE accounts VALIDATE CONSTRAINT email_nn;\n";
    const auto observed = last_statement(recipe, "ALTER TABLE accounts ALTER COLUMN name SET NOT NULL;");
    const auto& e = effect_on(observed.effects, "public.accounts");
    CHECK_FALSE(e.scan);
    CHECK_FALSE(e.known);  // still pre-existing: assumed large and busy
    CHECK(effect_on(last_statement(recipe, "ALTER TABLE accounts ALTER COLUMN other SET NOT NULL;").effects,
                    "public.accounts")
              .scan);
  }
}

TEST_CASE("foreign keys lock the referenced table") {
  const std::string fk = kBig + "ALTER TABLE big ADD CONSTRAINT big_parent_fk FOREIGN KEY (parent_id) REFERENCES parent (id);\n";
  SUBCASE("ADD FOREIGN KEY: ShareRowExclusiveLock on both; AccessExclusive before 9.5") {
    const auto add = "ALTER TABLE big ADD CONSTRAINT fk2 FOREIGN KEY (parent_id) REFERENCES parent (id);";
    CHECK(effect_on(last_statement(kBig, add).effects, "public.parent").lock == LockMode::ShareRowExclusive);
    CHECK(effect_on(last_statement(kBig, add).effects, "public.big").scan);
    CHECK(effect_on(last_statement(kBig, add, 9).effects, "public.parent").lock == LockMode::AccessExclusive);
  }
  SUBCASE("VALIDATE: ShareUpdateExclusiveLock on the child, RowShareLock on the parent") {
    const auto observed = last_statement(fk, "ALTER TABLE big VALIDATE CONSTRAINT big_parent_fk;");
    CHECK(effect_on(observed.effects, "public.big").lock == LockMode::ShareUpdateExclusive);
    CHECK(effect_on(observed.effects, "public.parent").lock == LockMode::RowShare);
  }
  SUBCASE("dropping the FK, its column or the child table takes AccessExclusiveLock on the parent") {
    CHECK(effect_on(last_statement(fk, "ALTER TABLE big DROP CONSTRAINT big_parent_fk;").effects, "public.parent").lock ==
          LockMode::AccessExclusive);
    CHECK(effect_on(last_statement(fk, "ALTER TABLE big DROP COLUMN parent_id;").effects, "public.parent").lock ==
          LockMode::AccessExclusive);
    CHECK(effect_on(last_statement(fk, "DROP TABLE big;").effects, "public.parent").lock == LockMode::AccessExclusive);
  }
}

TEST_CASE("indexes, partitions, sequences and maintenance") {
  SUBCASE("REINDEX INDEX: ShareLock on the table, but reads block through the index") {
    const auto observed = last_statement(kBig, "REINDEX INDEX big_n_idx;");
    CHECK(effect_on(observed.effects, "public.big").lock == LockMode::Share);
    CHECK(effect_on(observed.effects, "public.big").blocks().reads);
    CHECK(effect_on(observed.effects, "public.big_n_idx").lock == LockMode::AccessExclusive);
  }
  SUBCASE("CREATE INDEX CONCURRENTLY refuses a transaction block") {
    const auto observed = last_statement(kBig, "CREATE INDEX CONCURRENTLY big_t_idx ON big (t);");
    CHECK(observed.effects.refuses_transaction);
    CHECK(effect_on(observed.effects, "public.big").lock == LockMode::ShareUpdateExclusive);
  }
  const std::string events =
      "CREATE TABLE events (id bigint, ts timestamptz) PARTITION BY RANGE (ts);\n"
      "CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');\n"
      "CREATE TABLE events_default PARTITION OF events DEFAULT;\n"
      "CREATE TABLE events_2025 (id bigint, ts timestamptz);\n";
  SUBCASE("ATTACH PARTITION: ShareUpdateExclusive on the parent (AccessExclusive before 12); default scanned") {
    const auto attach = "ALTER TABLE events ATTACH PARTITION events_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');";
    const auto observed = last_statement(events, attach);
    CHECK(effect_on(observed.effects, "public.events").lock == LockMode::ShareUpdateExclusive);
    CHECK(effect_on(observed.effects, "public.events_2025").lock == LockMode::AccessExclusive);
    CHECK(effect_on(observed.effects, "public.events_2025").scan);
    CHECK(effect_on(observed.effects, "public.events_default").scan);
    CHECK(effect_on(last_statement(events, attach, 11).effects, "public.events").lock == LockMode::AccessExclusive);
  }
  SUBCASE("CREATE TABLE … PARTITION OF takes AccessExclusiveLock on the parent") {
    const auto observed =
        last_statement(events, "CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');");
    CHECK(effect_on(observed.effects, "public.events").lock == LockMode::AccessExclusive);
    CHECK(effect_on(observed.effects, "public.events_2026").created);
  }
  SUBCASE("the default partition is followed through renames, detaches, drops and attaches") {
    const std::string create_2026 =
        "CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');";
    const auto scanned = [&](const std::string& history, const std::string& relation) {
      const Observed observed = last_statement(events + history, create_2026);  // the effect points into it
      const LockEffect* effect = observed.effects.find({"public", relation});
      return effect && effect->lock == LockMode::AccessExclusive && effect->scan;
    };
    CHECK(scanned("", "events_default"));
    CHECK(scanned("ALTER TABLE events_default RENAME TO events_rest;", "events_rest"));
    CHECK_FALSE(scanned("ALTER TABLE events_default RENAME TO events_rest;", "events_default"));
    CHECK_FALSE(scanned("ALTER TABLE events DETACH PARTITION events_default;", "events_default"));
    CHECK_FALSE(scanned("DROP TABLE events_default;", "events_default"));
    CHECK(
        scanned("ALTER TABLE events DETACH PARTITION events_default;\n"
                "ALTER TABLE events ATTACH PARTITION events_2025 DEFAULT;",
                "events_2025"));
    CHECK_FALSE(
        scanned("ALTER TABLE events DETACH PARTITION events_default;\n"
                "ALTER TABLE events ATTACH PARTITION events_2025 DEFAULT;",
                "events_default"));
    // A history that creates the table again without dropping it: the new one is no partition.
    CHECK_FALSE(scanned("CREATE TABLE events_default (id bigint);", "events_default"));
  }
  SUBCASE("a statement touching dozens of relations lists each once, at its strongest lock") {
    // Beyond 16 effects the builder finds them through a map: every index below is reached twice.
    std::string wide = "CREATE TABLE wide (a int, b int);\n";
    for (int i = 0; i < 30; ++i) wide += "CREATE INDEX wide_" + std::to_string(i) + " ON wide (a, b);\n";
    const auto observed =
        last_statement(wide, "ALTER TABLE wide ALTER COLUMN a TYPE bigint, ALTER COLUMN b TYPE bigint;");
    CHECK(observed.effects.effects.size() == 31);
    for (int i = 0; i < 30; ++i) {
      const LockEffect& index = effect_on(observed.effects, "public.wide_" + std::to_string(i));
      CHECK(index.lock == LockMode::AccessExclusive);
      CHECK(index.index_rebuilt);
    }
    CHECK(effect_on(observed.effects, "public.wide").reads_blocked_via_index);
  }
  SUBCASE("CREATE INDEX on a partitioned table locks every partition; CONCURRENTLY fails") {
    const auto observed = last_statement(events, "CREATE INDEX events_ts_idx ON events (ts);");
    CHECK(effect_on(observed.effects, "public.events_2024").lock == LockMode::Share);
    CHECK_FALSE(last_statement(events, "CREATE INDEX CONCURRENTLY e_idx ON events (ts);").effects.fails_because.empty());
  }
  SUBCASE("ALTER SEQUENCE takes ShareRowExclusiveLock; setval() RowExclusiveLock") {
    const std::string seq = "CREATE SEQUENCE order_seq;\n";
    CHECK(effect_on(last_statement(seq, "ALTER SEQUENCE order_seq RESTART WITH 100;").effects, "public.order_seq").lock ==
          LockMode::ShareRowExclusive);
    CHECK(effect_on(last_statement(seq, "SELECT setval('order_seq', 5000);").effects, "public.order_seq").lock ==
          LockMode::RowExclusive);
  }
  SUBCASE("ALTER TYPE … ADD VALUE refuses a transaction block before PostgreSQL 12; DISCARD ALL always") {
    const std::string mood = "CREATE TYPE mood AS ENUM ('ok');\n";
    CHECK(last_statement(mood, "ALTER TYPE mood ADD VALUE 'great';", 11).effects.refuses_transaction);
    CHECK_FALSE(last_statement(mood, "ALTER TYPE mood ADD VALUE 'great';", 12).effects.refuses_transaction);
    CHECK_FALSE(last_statement(mood, "ALTER TYPE mood RENAME VALUE 'ok' TO 'fine';", 11).effects.refuses_transaction);
    CHECK(last_statement("", "DISCARD ALL;").effects.refuses_transaction);
  }
  SUBCASE("storage parameters: fillfactor is ShareUpdateExclusive, others AccessExclusive") {
    CHECK(effect_on(last_statement(kBig, "ALTER TABLE big SET (fillfactor = 70);").effects, "public.big").lock ==
          LockMode::ShareUpdateExclusive);
    CHECK(effect_on(last_statement(kBig, "ALTER TABLE big SET (parallel_workers = 2, fillfactor = 70);").effects,
                    "public.big")
              .lock == LockMode::ShareUpdateExclusive);
  }
  SUBCASE("a table created earlier in the same file is not pre-existing") {
    const auto observed = last_statement("", "CREATE TABLE fresh (id int);\nCREATE INDEX fresh_idx ON fresh (id);");
    CHECK_FALSE(effect_on(observed.effects, "public.fresh").pre_existing());
    CHECK(effect_on(last_statement("CREATE TABLE older (id int);", "CREATE INDEX older_idx ON older (id);").effects,
                    "public.older")
              .pre_existing());
  }
}

TEST_CASE("session: transactions and timeouts") {
  SUBCASE("SET lock_timeout applies to later statements") {
    const auto observed = last_statement(kBig, "SET lock_timeout = '2s';\nALTER TABLE big ADD COLUMN c int;");
    CHECK(observed.lock_timeout_ms == 2000);
  }
  SUBCASE("SET LOCAL ends with the transaction; plain SET survives COMMIT") {
    CHECK_FALSE(last_statement(kBig, "BEGIN; SET LOCAL lock_timeout = '1s'; COMMIT; SELECT 1;").lock_timeout_ms.has_value());
    CHECK(last_statement(kBig, "BEGIN; SET lock_timeout = '1s'; COMMIT; SELECT 1;").lock_timeout_ms == 1000);
    CHECK_FALSE(last_statement(kBig, "BEGIN; SET lock_timeout = '1s'; ROLLBACK; SELECT 1;").lock_timeout_ms.has_value());
  }
  SUBCASE("set_config() and RESET") {
    CHECK(last_statement(kBig, "SELECT set_config('lock_timeout', '150ms', false); SELECT 1;").lock_timeout_ms == 150);
    CHECK_FALSE(last_statement(kBig, "SET lock_timeout = 100; RESET lock_timeout; SELECT 1;").lock_timeout_ms.has_value());
  }
  // What the session holds before the last statement: an effect is observed before the statement's
  // own locks are added.
  SUBCASE("each table whose writes the transaction blocks is listed once, in the order first locked") {
    const std::string locks =
        "BEGIN;\nALTER TABLE big ADD COLUMN c int;\nLOCK parent IN SHARE MODE;\nALTER TABLE big ADD COLUMN d int;\n"
        "LOCK parent IN ACCESS EXCLUSIVE MODE;\nCREATE TABLE fresh (id int);\nALTER TABLE fresh ADD COLUMN e int;\n";
    CHECK(last_statement(kBig, locks).write_locked == std::vector<std::string>{"public.big", "public.parent"});
    CHECK(last_statement(kBig, locks + "COMMIT;\nBEGIN;\nLOCK parent IN SHARE MODE;\nSELECT 1;\n").write_locked ==
          std::vector<std::string>{"public.parent"});
  }
  SUBCASE("settings do not carry over from an earlier file") {
    CHECK_FALSE(last_statement("SET lock_timeout = '1s';", "SELECT 1;").lock_timeout_ms.has_value());
  }
  SUBCASE("--assume-in-transaction wraps each file") {
    CHECK(last_statement(kBig, "SELECT 1;", 15, true).in_transaction);
    CHECK_FALSE(last_statement(kBig, "SELECT 1;", 15, false).in_transaction);
    CHECK(last_statement(kBig, "BEGIN; SELECT 1;").in_transaction);
  }
  CHECK(parse_duration_ms("1min") == 60'000);
  CHECK(parse_duration_ms(" 250 ms") == 250);
  CHECK_FALSE(parse_duration_ms("soon").has_value());
  // PostgreSQL's timeouts are int milliseconds: 24 days fit, 25 days are outside the valid range.
  CHECK(parse_duration_ms("24d") == 2'073'600'000);
  CHECK_FALSE(parse_duration_ms("25d").has_value());
  // Found by fuzz_config: a 60-digit number of seconds overflowed the conversion to an integer.
  CHECK_FALSE(parse_duration_ms(std::string(60, '8') + "5s").has_value());
  CHECK_FALSE(parse_duration_ms("1e400ms").has_value());
}

}  // namespace zdlint

namespace zdlint {
namespace {

// The index an unnamed constraint creates is named as the catalog's replay names it, with the
// number PostgreSQL adds when the name is taken (checked on PostgreSQL 15).
TEST_CASE("an unnamed key's index: the name PostgreSQL gives it") {
  const std::string history =
      "CREATE TABLE t (a int, b int, CONSTRAINT t_pkey CHECK (a > 0));\n"
      "ALTER TABLE t ADD UNIQUE (a);\n";
  CHECK(effect_on(last_statement(history, "ALTER TABLE t ADD UNIQUE (a);").effects, "public.t_a_key1").created);
  CHECK(effect_on(last_statement(history, "ALTER TABLE t ADD UNIQUE (b);").effects, "public.t_b_key").created);
  // A CHECK has the name t_pkey: the primary key's index takes t_pkey1.
  CHECK(effect_on(last_statement(history, "ALTER TABLE t ADD PRIMARY KEY (b);").effects, "public.t_pkey1").created);
  CHECK(
      effect_on(last_statement(history, "ALTER TABLE t ADD EXCLUDE USING btree (b WITH =);").effects, "public.t_b_excl")
          .created);
}

// testdata/locks/security/comment_on_constraint.sql checks a constraint's comment on a server; a
// trigger's, a policy's and a rule's are looked up the same way (checked on PostgreSQL 15).
TEST_CASE("COMMENT ON an object of a table: AccessShareLock on the table; on a column: ShareUpdateExclusiveLock") {
  for (const std::string comment :
       {"COMMENT ON TRIGGER big_touch ON big IS 'x';", "COMMENT ON POLICY p ON big IS 'x';",
        "COMMENT ON RULE r ON big IS 'x';", "COMMENT ON CONSTRAINT big_pkey ON big IS 'x';"}) {
    CAPTURE(comment);
    CHECK(effect_on(last_statement(kBig, comment).effects, "public.big").lock == LockMode::AccessShare);
  }
  CHECK(effect_on(last_statement(kBig, "COMMENT ON COLUMN big.n IS 'x';").effects, "public.big").lock ==
        LockMode::ShareUpdateExclusive);
}

// What tests/test_locks_pg.cpp cannot check on a server: a foreign key to a table the history never
// created (the columns it references are unknown), and relations that do not exist.
TEST_CASE("foreign keys whose referenced columns are unknown, and WITH queries' names") {
  const std::string history = "CREATE TABLE child (id int PRIMARY KEY, legacy_id int REFERENCES legacy);\n";
  SUBCASE("a rewriting type change of the referenced table: the key is assumed to reference the column") {
    const auto observed = last_statement(history, "ALTER TABLE legacy ALTER COLUMN code TYPE bigint;");
    const LockEffect& child = effect_on(observed.effects, "public.child");
    CHECK(child.lock == LockMode::AccessExclusive);
    CHECK(child.assumed);
    CHECK(child.scan);
  }
  SUBCASE("DROP COLUMN … CASCADE of the referenced table: the key is assumed to go with it") {
    const auto observed = last_statement(history, "ALTER TABLE legacy DROP COLUMN code CASCADE;");
    CHECK(effect_on(observed.effects, "public.child").lock == LockMode::AccessExclusive);
    CHECK(effect_on(observed.effects, "public.child").assumed);
    CHECK(last_statement(history, "ALTER TABLE legacy DROP COLUMN code;").effects.find({"public", "child"}) == nullptr);
  }
  SUBCASE("a known referenced column that is not the one changed: nothing on the referencing table") {
    const std::string known = "CREATE TABLE legacy (id int PRIMARY KEY, code int);\n" + history;
    CHECK(
        last_statement(known, "ALTER TABLE legacy ALTER COLUMN code TYPE bigint;").effects.find({"public", "child"}) ==
        nullptr);
    CHECK(effect_on(last_statement(known, "ALTER TABLE legacy ALTER COLUMN id TYPE bigint;").effects, "public.child")
              .lock == LockMode::AccessExclusive);
  }
  SUBCASE("the name of a WITH query is no relation; a table of that name elsewhere in the statement is") {
    const auto observed = last_statement(
        kBig, "WITH ids AS (SELECT id FROM parent) UPDATE big SET n = 0 WHERE parent_id IN (SELECT id FROM ids);");
    CHECK(observed.effects.find({"public", "ids"}) == nullptr);
    CHECK(effect_on(observed.effects, "public.parent").lock == LockMode::AccessShare);
    const auto qualified = last_statement(
        kBig, "WITH big AS (SELECT 1 AS id) UPDATE parent SET name = 'x' WHERE id IN (SELECT id FROM public.big);");
    CHECK(effect_on(qualified.effects, "public.big").lock == LockMode::AccessShare);
  }
}

// What a PostgreSQL 15 server cannot show: other versions, statements without CASCADE, and what
// the catalog keeps after the statement.
TEST_CASE("owned sequences and CASCADE dependents across versions and histories") {
  const std::string history =
      "CREATE TABLE t (id serial PRIMARY KEY, n int GENERATED ALWAYS AS IDENTITY, v text);\n"
      "CREATE VIEW v AS SELECT id FROM t;\n";
  SUBCASE("SET UNLOGGED makes owned sequences unlogged from PostgreSQL 15 on") {
    CHECK(effect_on(last_statement(history, "ALTER TABLE t SET UNLOGGED;", 15).effects, "public.t_id_seq").lock ==
          LockMode::AccessExclusive);
    CHECK(last_statement(history, "ALTER TABLE t SET UNLOGGED;", 14).effects.find({"public", "t_id_seq"}) == nullptr);
  }
  SUBCASE("LOCK TABLE on a view locks its base tables from PostgreSQL 11 on") {
    CHECK(effect_on(last_statement(history, "LOCK TABLE v IN SHARE MODE;", 11).effects, "public.t").lock ==
          LockMode::Share);
    CHECK(last_statement(history, "LOCK TABLE v IN SHARE MODE;", 10).effects.find({"public", "t"}) == nullptr);
  }
  SUBCASE("without CASCADE nothing that depends on the object is locked (PostgreSQL refuses instead)") {
    for (const std::string statement : {"DROP TABLE t;", "DROP SEQUENCE t_id_seq;", "DROP SCHEMA public;"}) {
      CAPTURE(statement);
      CHECK(last_statement(history, statement).effects.find({"public", "v"}) == nullptr);
    }
    CHECK(last_statement(history, "DROP SCHEMA public;").effects.effects.empty());
  }
  SUBCASE("DROP IDENTITY drops the sequence from the catalog: a later DROP TABLE has none to lock") {
    const auto observed = last_statement(history + "ALTER TABLE t ALTER COLUMN n DROP IDENTITY;\n", "DROP TABLE t;");
    CHECK(observed.effects.find({"public", "t_n_seq"}) == nullptr);
    CHECK(effect_on(observed.effects, "public.t_id_seq").lock == LockMode::AccessExclusive);
  }
  SUBCASE("a serial column has its integer type: the same type again rewrites nothing, a wider one does") {
    const std::string serials = "CREATE TABLE s (a serial, b bigserial, c smallserial);\n";
    for (const std::string statement :
         {"ALTER TABLE s ALTER COLUMN a TYPE int;", "ALTER TABLE s ALTER COLUMN b TYPE int8;",
          "ALTER TABLE s ALTER COLUMN c TYPE smallint;"}) {
      CAPTURE(statement);
      CHECK_FALSE(effect_on(last_statement(serials, statement).effects, "public.s").rewrite);
    }
    CHECK(effect_on(last_statement(serials, "ALTER TABLE s ALTER COLUMN a TYPE bigint;").effects, "public.s").rewrite);
  }
}

// The harness in test_locks_pg.cpp lets the model leave out an AccessShareLock, the planner's
// noise on indexes; these check the ones on a view's base tables.
TEST_CASE("a view a statement runs is expanded: its base tables are read; CREATE VIEW only parses it") {
  const std::string history = kBig +
                              "CREATE VIEW big_v AS SELECT id, n FROM big;\n"
                              "CREATE VIEW big_v2 AS SELECT b.id FROM big_v b JOIN parent p ON p.id = b.id;\n";
  for (const std::string statement : {"SELECT * FROM big_v2;", "INSERT INTO parent (id) SELECT id FROM big_v2;",
                                      "UPDATE parent SET id = 0 FROM big_v2 WHERE big_v2.id = parent.id;",
                                      "CREATE TABLE c AS SELECT * FROM big_v2;"}) {
    CAPTURE(statement);
    const auto observed = last_statement(history, statement);
    CHECK(effect_on(observed.effects, "public.big_v").lock == LockMode::AccessShare);
    CHECK(effect_on(observed.effects, "public.big").lock == LockMode::AccessShare);
    CHECK(effect_on(observed.effects, "public.parent").lock >= LockMode::AccessShare);
  }
  const auto created = last_statement(history, "CREATE VIEW big_v3 AS SELECT * FROM big_v2;");
  CHECK(effect_on(created.effects, "public.big_v2").lock == LockMode::AccessShare);
  CHECK(created.effects.find({"public", "big_v"}) == nullptr);
  CHECK(created.effects.find({"public", "big"}) == nullptr);
}

// test_locks_pg.cpp checks partitions_nested/ on PostgreSQL 15 inside a transaction; these are the
// versions, the pruned statements and the forms PostgreSQL refuses in a transaction.
TEST_CASE("partitions: pruning, versions, and what runs a transaction per partition") {
  const std::string history =
      "CREATE TABLE m (id bigint, region text NOT NULL, ts date NOT NULL, v int) PARTITION BY LIST (region);\n"
      "CREATE TABLE m_eu PARTITION OF m FOR VALUES IN ('eu') PARTITION BY RANGE (ts);\n"
      "CREATE TABLE m_eu_2024 PARTITION OF m_eu FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');\n"
      "CREATE TABLE m_us PARTITION OF m FOR VALUES IN ('us');\n"
      "CREATE INDEX m_ts_idx ON m (ts);\n"
      "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;\n"
      "CREATE TRIGGER m_row BEFORE UPDATE ON m FOR EACH ROW EXECUTE FUNCTION f();\n";
  SUBCASE("a WHERE on a partition-key column may prune the partitions below that key: their locks are assumed") {
    const auto by_region = last_statement(history, "UPDATE m SET v = 1 WHERE region = 'us';").effects;
    CHECK_FALSE(effect_on(by_region, "public.m").assumed);
    for (const std::string partition : {"public.m_eu", "public.m_eu_2024", "public.m_us", "public.m_us_ts_idx"}) {
      CAPTURE(partition);
      CHECK(effect_on(by_region, partition).lock == LockMode::RowExclusive);
      CHECK(effect_on(by_region, partition).assumed);
      CHECK(effect_on(by_region, partition).note.ends_with("unless the WHERE clause rules it out (partition pruning)"));
    }
    // ts is m_eu's key: only what is below m_eu may be skipped.
    const auto by_ts = last_statement(history, "DELETE FROM m WHERE ts < '2024-02-01';").effects;
    CHECK(effect_on(by_ts, "public.m_eu_2024").assumed);
    CHECK(effect_on(by_ts, "public.m_eu_2024").note ==
          "a partition of public.m_eu, unless the WHERE clause rules it out (partition pruning)");
    CHECK(effect_on(by_ts, "public.m_eu_2024_ts_idx").assumed);
    for (const std::string kept : {"public.m_eu", "public.m_us", "public.m_us_ts_idx"}) {
      CAPTURE(kept);
      CHECK_FALSE(effect_on(by_ts, kept).assumed);
    }
    // Before PostgreSQL 12 the planner locked every partition, pruned or not.
    CHECK_FALSE(
        effect_on(last_statement(history, "UPDATE m SET v = 1 WHERE region = 'us';", 11).effects, "public.m_eu_2024")
            .assumed);
    // Another column prunes nothing.
    CHECK_FALSE(effect_on(last_statement(history, "DELETE FROM m WHERE v = 3;").effects, "public.m_us").assumed);
    // A query reads every partition it does not rule out.
    const auto read = last_statement(history, "SELECT * FROM m WHERE region = 'us';").effects;
    CHECK(effect_on(read, "public.m_us").lock == LockMode::AccessShare);
    CHECK(effect_on(read, "public.m_us").note ==
          "a partition of public.m, unless the query rules it out (partition pruning)");
    CHECK(effect_on(read, "public.m_eu_2024").assumed);
    CHECK(read.find({"public", "m_us_ts_idx"}) == nullptr);  // the planner's AccessShareLock on indexes is left out
    CHECK_FALSE(effect_on(last_statement(history, "SELECT * FROM m WHERE v = 1;").effects, "public.m_us").assumed);
  }
  SUBCASE("the partitioned table's own index has no storage: neither UPDATE nor a type change locks it") {
    CHECK(last_statement(history, "UPDATE m SET v = 1;").effects.find({"public", "m_ts_idx"}) == nullptr);
    const auto retyped = last_statement(history, "ALTER TABLE m ALTER COLUMN ts TYPE timestamp;").effects;
    CHECK(retyped.find({"public", "m_ts_idx"}) == nullptr);
    CHECK(retyped.find({"public", "m_eu_ts_idx"}) == nullptr);
    CHECK(effect_on(retyped, "public.m_eu_2024").rewrite);
    CHECK_FALSE(effect_on(retyped, "public.m_eu").rewrite);
    CHECK(effect_on(retyped, "public.m_eu_2024_ts_idx").index_rebuilt);
  }
  SUBCASE("ALTER TRIGGER … RENAME reaches the clones from PostgreSQL 15 on") {
    const std::string rename = "ALTER TRIGGER m_row ON m RENAME TO m_row2;";
    CHECK(effect_on(last_statement(history, rename, 15).effects, "public.m_eu_2024").lock == LockMode::AccessExclusive);
    CHECK(last_statement(history, rename, 14).effects.find({"public", "m_eu_2024"}) == nullptr);
  }
  SUBCASE("REINDEX of a partitioned table or index runs a transaction per partition from PostgreSQL 14 on") {
    for (const std::string statement : {"REINDEX TABLE m;", "REINDEX INDEX m_ts_idx;"}) {
      CAPTURE(statement);
      const auto effects = last_statement(history, statement).effects;
      CHECK(effects.refuses_transaction);
      CHECK(effect_on(effects, "public.m_eu_2024").lock == LockMode::Share);
      CHECK(effect_on(effects, "public.m_eu_2024_ts_idx").lock == LockMode::AccessExclusive);
      CHECK(effect_on(effects, "public.m_eu_2024_ts_idx").index_rebuilt);
      CHECK(effects.find({"public", "m_eu_ts_idx"}) == nullptr);  // a copy with copies of its own: no storage
      CHECK_FALSE(last_statement(history, statement, 13).effects.refuses_transaction);
    }
  }
  SUBCASE("VACUUM and ANALYZE process every partition; VACUUM leaves the partitioned table itself alone") {
    const auto vacuum = last_statement(history, "VACUUM m;").effects;
    CHECK(effect_on(vacuum, "public.m").lock == LockMode::AccessShare);
    CHECK(effect_on(vacuum, "public.m_eu_2024").lock == LockMode::ShareUpdateExclusive);
    CHECK(effect_on(vacuum, "public.m_eu_2024_ts_idx").lock == LockMode::RowExclusive);
    const auto full = last_statement(history, "VACUUM FULL m;").effects;
    CHECK(effect_on(full, "public.m_us").rewrite);
    CHECK_FALSE(effect_on(full, "public.m_eu").rewrite);
    CHECK(effect_on(last_statement(history, "ANALYZE m;").effects, "public.m").lock == LockMode::ShareUpdateExclusive);
  }
  SUBCASE("ALTER INDEX … ATTACH PARTITION makes an index a copy: DROP INDEX of the parent's drops it") {
    const std::string attached = history +
                                 "CREATE TABLE m_ca (id bigint, region text NOT NULL, ts date NOT NULL, v int);\n"
                                 "CREATE INDEX m_ca_v_idx ON m_ca (v);\n"
                                 "ALTER TABLE m ATTACH PARTITION m_ca FOR VALUES IN ('ca');\n"
                                 "CREATE INDEX m_v_idx ON ONLY m (v);\n"
                                 "ALTER INDEX m_v_idx ATTACH PARTITION m_ca_v_idx;\n"
                                 "ALTER INDEX m_v_idx RENAME TO m_v_idx2;\n";
    const auto effects = last_statement(attached, "DROP INDEX m_v_idx2;").effects;
    CHECK(effect_on(effects, "public.m_ca_v_idx").lock == LockMode::AccessExclusive);
    CHECK(effect_on(effects, "public.m_ca").lock == LockMode::AccessExclusive);
    CHECK(effects.find({"public", "m_us"}) == nullptr);  // ON ONLY: no copy was made there
    CHECK(effects.fails_because.empty());
    CHECK(last_statement(attached, "DROP INDEX CONCURRENTLY m_v_idx2;").effects.fails_because ==
          "PostgreSQL cannot drop a partitioned table's index concurrently");
  }
}

}  // namespace
}  // namespace zdlint
