// Whatever a user feeds zdlint, it must finish, never crash, and say clearly what it could not
// read. Each input here once broke, or could break, a parser or a reporter: deep nesting, huge
// lines and files, bytes that are not text, and tokens that never end. The ctest entry has a
// time limit, so a hang fails the test instead of stalling CI.
#include <doctest/doctest.h>
#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/test_support.h"

using zdlint::test::run_zdlint;
using zdlint::test::TempDir;

namespace {

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

size_t count(const std::string& haystack, std::string_view needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + needle.size())) ++n;
  return n;
}

// A history creating table p and `count` tables c0, c1, … whose foreign keys point at it.
std::string referenced_by(int count) {
  std::string tables = "CREATE TABLE p (id int PRIMARY KEY);\n";
  for (int i = 0; i < count; ++i) tables += "CREATE TABLE c" + std::to_string(i) + " (p int REFERENCES p);\n";
  return tables;
}

// Lowers the stack limit, which the zdlint runs below inherit (for the main thread and, by glibc's
// default, every thread it starts), for as long as it lives.
class SmallStack {
 public:
  explicit SmallStack(rlim_t bytes) {
    REQUIRE(getrlimit(RLIMIT_STACK, &original_) == 0);
    rlimit small = original_;
    small.rlim_cur = std::min(original_.rlim_cur, bytes);
    REQUIRE(setrlimit(RLIMIT_STACK, &small) == 0);
  }
  SmallStack(const SmallStack&) = delete;
  SmallStack& operator=(const SmallStack&) = delete;
  ~SmallStack() { setrlimit(RLIMIT_STACK, &original_); }

 private:
  rlimit original_{};
};

std::string repeat(std::string_view piece, size_t times) {
  std::string text;
  text.reserve(piece.size() * times);
  for (size_t i = 0; i < times; ++i) text += piece;
  return text;
}

}  // namespace

TEST_CASE("hostile: expressions nested 10,000 deep are a syntax error, not a stack overflow") {
  const TempDir dir;
  const auto parens = dir.write("parens.sql", "SELECT " + repeat("(", 10'000) + "1" + repeat(")", 10'000) + ";\n");
  const auto arrays = dir.write("arrays.sql", "SELECT " + repeat("ARRAY[", 10'000) + "1" + repeat("]", 10'000) + ";\n");
  const auto nots = dir.write("nots.sql", "SELECT 1;\nSELECT " + repeat("NOT ", 10'000) + "true;\nSELECT 2;\n");
  for (const auto& file : {parens, arrays, nots}) {
    INFO(file.string());
    const auto r = run_zdlint({"--quiet", "--select", "syntax-error", file.string()});
    CHECK(r.exit_code == 1);
    CHECK(contains(r.out, "error[syntax-error]: the statement nests too deeply for PostgreSQL's grammar"));
  }
  // The deep statement is on line 2; the statements around it are still analysed.
  const auto r = run_zdlint({"--format", "json", nots.string()});
  CHECK(contains(r.out, "\"statements\": 2"));
  CHECK(contains(r.out, "\"line\": 2"));
}

TEST_CASE("hostile: a statement the grammar takes but too deep to read is reported, not a crash") {
  // 9,900 NOTs parse (PostgreSQL stops near 10,000), giving a tree 19,800 levels deep. zdlint reads
  // trees only as deep as three quarters of its stack holds: with a 4 MB stack limit that is far
  // less than this one.
  const TempDir dir;
  const auto file = dir.write("deep.sql", "SELECT 1;\nSELECT " + repeat("NOT ", 9'900) +
                                              "true;\nALTER TABLE t RENAME COLUMN a TO b;\n");
  const auto r = [&] {
    const SmallStack stack(4u << 20);
    return run_zdlint({"--format", "json", file.string()});
  }();
  CHECK(r.exit_code == 1);
  CHECK(contains(r.out, "the statement nests too deeply for zdlint to read its parse tree, so it was not analysed"));
  CHECK(contains(r.out, "\"line\": 2"));
  CHECK(contains(r.out, "\"statements\": 2"));  // the statements around it are analysed
  CHECK(contains(r.out, "\"rule\": \"rename-column\""));
}

TEST_CASE("hostile: a 1 MB line is linted, and its excerpt is cut to the terminal") {
  const TempDir dir;
  std::string values;
  for (int i = 0; i < 130'000; ++i) values += (i ? ",(" : "(") + std::to_string(i) + ")";
  const auto file = dir.write("one_line.sql",
                              "INSERT INTO t VALUES " + values + "; ALTER TABLE t RENAME COLUMN a TO b;");
  REQUIRE(values.size() > 1'000'000);
  const auto r = run_zdlint({"--color", "never", file.string()});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.out, "Checked 1 file, 2 statements:"));
  for (size_t start = 0, end; start < r.out.size(); start = end + 1) {  // no excerpt line prints the 1 MB line
    end = r.out.find('\n', start);
    if (end == std::string::npos) end = r.out.size();
    CHECK(end - start < 1'000);
  }
}

TEST_CASE("hostile: a timeout too long for PostgreSQL is not taken as set (found by fuzz_config)") {
  // PostgreSQL rejects the SET as outside the valid range, so no lock_timeout is in force.
  const TempDir dir;
  const auto file = dir.write("huge_timeout.sql", "SET lock_timeout = '" + std::string(60, '8') +
                                                      "5s';\nALTER TABLE t ADD COLUMN c int;\n");
  const auto r = run_zdlint({"--color", "never", file.string()});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.out, "huge_timeout.sql:2:1: warning[missing-lock-timeout]"));
  CHECK(contains(r.out, "Checked 1 file, 2 statements: 0 errors, 1 warning, 0 infos."));
}

TEST_CASE("hostile: 100,000 statements in one file") {
  const TempDir dir;
  std::string sql = "SET lock_timeout = '1s';\n";
  for (int i = 0; i < 100'000; ++i) sql += "ALTER TABLE t" + std::to_string(i % 50) + " ADD COLUMN c" + std::to_string(i) + " int;\n";
  const auto file = dir.write("many.sql", sql);
  const auto r = run_zdlint({"--quiet", "--fail-on", "none", file.string()});
  CHECK(r.exit_code == 0);
  const auto summary = run_zdlint({"--color", "never", "--select", "rename-column", file.string()});
  CHECK(contains(summary.out, "Checked 1 file, 100001 statements: 0 errors, 0 warnings, 0 infos."));
}

// Each table a transaction locked was looked for among those it had locked before: a transaction
// altering n tables made n² name comparisons, 5 seconds for 40,000. Two rules searched the same
// way, at VALIDATE CONSTRAINT and at each INSERT, UPDATE or DELETE.
TEST_CASE("hostile: one transaction altering 50,000 tables the history created") {
  const TempDir dir;
  std::string history, alters = "BEGIN;\nSET lock_timeout = '1s';\n";
  for (int i = 0; i < 50'000; ++i) {
    history += "CREATE TABLE t" + std::to_string(i) + " (id int);\n";
    alters += "ALTER TABLE t" + std::to_string(i) + " ADD COLUMN c int;\n";
  }
  dir.write("001_tables.sql", history);
  dir.write("002_alter_all.sql", alters + "COMMIT;\n");
  const auto r =
      run_zdlint({"--format", "json", "--select", "lock-ordering-risk", "--fail-on", "none", dir.path().string()});
  CHECK(r.exit_code == 0);
  // Reported once, where the second table is locked while the first is held.
  CHECK(count(r.out, "\"rule\": \"lock-ordering-risk\"") == 1);
  CHECK(contains(r.out, "\"statements\": 50003,"));
  CHECK(contains(r.out, "\"line\": 4,"));
  CHECK(contains(r.out,
                 "this statement takes AccessExclusiveLock on public.t1, blocking reads and writes, while the "
                 "transaction still holds AccessExclusiveLock on public.t0, blocking reads and writes, taken on "
                 "line 3."));
}

// Each statement on a table looked at every column of it: a CREATE TABLE of 40,000 columns, then a
// DROP COLUMN of each, took 11 seconds. PostgreSQL never lets a table number more than 1,600
// columns, dropped ones included, and neither does the replay now (test_catalog.cpp).
TEST_CASE("hostile: a table of 40,000 columns, each dropped, and 40,000 added to a table the history did not create") {
  const TempDir dir;
  std::string create = "SET lock_timeout = '1s';\nCREATE TABLE wide (", drops, adds;
  for (int i = 0; i < 40'000; ++i) {
    const std::string column = "c" + std::to_string(i);
    create += (i ? ", " : "") + column + " int";
    drops += "ALTER TABLE wide DROP COLUMN " + column + ";\n";
    adds += "ALTER TABLE old ADD COLUMN " + column + " int;\n";
  }
  const auto file = dir.write("wide.sql", create + ");\n" + drops + adds);
  const auto r = run_zdlint({"--format", "json", "--fail-on", "none", file.string()});
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "\"statements\": 80002,"));
  // The table is new in this migration, so dropping its columns is no contract step; the columns
  // added are nullable, without a default, under a lock_timeout.
  CHECK(contains(r.out, "\"diagnostics\": [],"));
}

// ALTER DOMAIN, DROP TYPE … CASCADE and ALTER TYPE … RENAME looked at every column of the history
// for the type: 20,000 domains, each on its own table and each then given a CHECK, took 7.5 s.
// The catalog now keeps the tables of each type (test_catalog.cpp).
TEST_CASE("hostile: 20,000 tables, each with a column of its own domain, and each domain altered") {
  const TempDir dir;
  std::string domains, tables, alters;
  for (int i = 0; i < 20'000; ++i) {
    const std::string n = std::to_string(i);
    domains += "CREATE DOMAIN d" + n + " AS int CHECK (VALUE > 0);\n";
    tables += "CREATE TABLE t" + n + " (a d" + n + ");\n";
    alters += "ALTER DOMAIN d" + n + " ADD CONSTRAINT positive CHECK (VALUE > 1);\n";
  }
  const auto file = dir.write("domains.sql", domains + tables + alters);
  const auto r = run_zdlint({"locks", "--format", "json", file.string()});
  CHECK(r.exit_code == 0);
  // Each ALTER DOMAIN checks the one table using its domain, row by row, under a ShareLock.
  CHECK(count(r.out, "\"note\": \"has a column of the domain, checked row by row\"") == 20'000);
  CHECK(contains(r.out, "\"relation\": \"public.t19999\""));
}

// Dropping a constraint moved every one after it, and each statement finds its constraint by name:
// 20,000 CHECKs added, validated and dropped took 3.5 s. PostgreSQL sets no limit on a table's
// constraints, so they are kept in a list (dropping moves none) and still found by a walk.
TEST_CASE("hostile: 20,000 CHECK constraints on one table, each validated and dropped") {
  const TempDir dir;
  std::string adds, validates, drops;
  for (int i = 0; i < 20'000; ++i) {
    const std::string name = "k" + std::to_string(i);
    adds += "ALTER TABLE t ADD CONSTRAINT " + name + " CHECK (a IS NOT NULL) NOT VALID;\n";
    validates += "ALTER TABLE t VALIDATE CONSTRAINT " + name + ";\n";
    if (i < 19'999) drops += "ALTER TABLE t DROP CONSTRAINT " + name + ";\n";
  }
  const auto file = dir.write("checks.sql", "SET lock_timeout = '1s';\n" + adds + validates + drops +
                                                "ALTER TABLE t ALTER COLUMN a SET NOT NULL;\n"
                                                "ALTER TABLE t DROP CONSTRAINT k19999;\n"
                                                "ALTER TABLE t ALTER COLUMN a SET NOT NULL;\n");
  const auto r = run_zdlint({"--format", "json", "--select", "set-not-null", "--fail-on", "none", file.string()});
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "\"statements\": 60003,"));
  // The last constraint left proves the column has no NULL (line 60,001); once it is dropped, SET
  // NOT NULL reads every row.
  CHECK(count(r.out, "\"rule\": \"set-not-null\"") == 1);
  CHECK(contains(r.out, "\"line\": 60003,"));
}

// A table's triggers are found by name (CREATE OR REPLACE, DROP and ALTER … RENAME of one), so
// they are kept as its constraints are: 20,000 on one table cost no walk of the others each.
TEST_CASE("hostile: 20,000 triggers on one table, each replaced, renamed and dropped, then their function") {
  const TempDir dir;
  std::string creates, replaces, renames, drops;
  for (int i = 0; i < 20'000; ++i) {
    const std::string name = "tr" + std::to_string(i);
    creates += "CREATE TRIGGER " + name + " BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION other();\n";
    replaces += "CREATE OR REPLACE TRIGGER " + name + " BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION touch();\n";
    renames += "ALTER TRIGGER " + name + " ON t RENAME TO " + name + "_renamed;\n";
    if (i != 12'345) drops += "DROP TRIGGER " + name + "_renamed ON t;\n";
  }
  dir.write("001_triggers.sql", "CREATE TABLE t (id int);\n" + creates + replaces + renames + drops);
  dir.write("002_drop.sql",
            "SET lock_timeout = '1s';\nDROP FUNCTION other() CASCADE;\nDROP FUNCTION touch() CASCADE;\n");
  const auto r = run_zdlint({"--format", "json", "--select", "drop-cascade", "--fail-on", "none", dir.path().string()});
  CHECK(r.exit_code == 0);
  const auto diagnostics = nlohmann::json::parse(r.out).at("diagnostics");
  REQUIRE(diagnostics.size() == 2);
  // Every trigger was replaced by one running touch(): none runs other() any more.
  CHECK(contains(diagnostics[0].at("message").get<std::string>(),
                 "the migration history shows no trigger running public.other;"));
  CHECK(contains(diagnostics[1].at("message").get<std::string>(),
                 "with public.touch it also drops trigger tr12345_renamed on public.t;"));
}

// A DROP COLUMN looked at each copy of the table's data the history had made, for those reading the
// column: 20,000 backfills of one table, then 20,000 DROP COLUMNs, took 1.5 s. The copies are kept
// by the columns they read (test_expand_contract.cpp).
TEST_CASE("hostile: 20,000 backfills of one table, then a DROP COLUMN of each column read") {
  const TempDir dir;
  std::string updates, drops;
  for (int i = 0; i < 20'000; ++i) {
    const std::string n = std::to_string(i);
    updates += "UPDATE t SET a" + n + " = b" + n + " WHERE id < 1000;\n";
    drops += "ALTER TABLE t DROP COLUMN b" + n + ";\n";
  }
  const auto file = dir.write("backfills.sql", "SET lock_timeout = '1s';\n" + updates + drops);
  const auto r = run_zdlint(
      {"--format", "json", "--select", "expand-contract-same-migration", "--fail-on", "none", file.string()});
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "\"statements\": 40001,"));
  // Each DROP COLUMN names the backfill that copied its column, 20,000 lines above it.
  CHECK(count(r.out, "\"rule\": \"expand-contract-same-migration\"") == 20'000);
  CHECK(contains(r.out,
                 "it drops column \\\"b19999\\\" of public.t after the UPDATE public.t SET \\\"a19999\\\" = …, "
                 "which copies \\\"b19999\\\" into the new column on line 20001"));
}

// A table referenced by 20,000 others: each ALTER COLUMN TYPE of it locks and re-checks all of them.
// Finding them made n² comparisons (100 such ALTERs took 2.4 s), and each finding had a note per
// table: 268 MB of text for 100 findings. The notes now stop at ten and count the rest.
TEST_CASE("hostile: a column type changed again and again on a table 20,000 others reference") {
  const TempDir dir;
  std::string alters = "SET lock_timeout = '1s';\n";
  for (int i = 0; i < 20; ++i)
    alters += i % 2 ? "ALTER TABLE p ALTER COLUMN id TYPE int;\n" : "ALTER TABLE p ALTER COLUMN id TYPE bigint;\n";
  dir.write("001_tables.sql", referenced_by(20'000));
  dir.write("002_alter.sql", alters);
  const auto r = run_zdlint({"--select", "alter-column-type", "--fail-on", "none", dir.path().string()});
  CHECK(r.exit_code == 0);
  CHECK(count(r.out, "error[alter-column-type]") == 20);
  CHECK(count(r.out, "= note: ") == 20 * 11);
  CHECK(count(r.out,
              "= note: and 19990 more tables whose foreign keys point at public.p, each locked and re-checked "
              "the same way (zdlint locks lists them all)\n") == 20);
  // A message naming the statement's locks names ten of them too.
  const auto timeouts = run_zdlint({"--select", "missing-statement-timeout", "--fail-on", "none", dir.path().string()});
  CHECK(count(timeouts.out, "info[missing-statement-timeout]") == 20);
  CHECK(count(timeouts.out, "AccessExclusiveLock on public.c") == 20 * 9);
  CHECK(count(timeouts.out,
              "; and 19991 more relations (zdlint locks lists them all), and no statement_timeout is set") == 20);
}

// PostgreSQL sets no limit on a table's indexes either: the message named every one it rebuilds,
// 289 KB for 20,000. It names ten and counts the rest.
TEST_CASE("hostile: a column type changed on a table of 20,000 indexes") {
  const TempDir dir;
  std::string indexes = "CREATE TABLE t (a int);\n";
  for (int i = 0; i < 20'000; ++i) indexes += "CREATE INDEX i" + std::to_string(i) + " ON t (a);\n";
  dir.write("001_indexes.sql", indexes);
  dir.write("002_alter.sql", "SET lock_timeout = '1s';\nALTER TABLE t ALTER COLUMN a TYPE bigint;\n");
  const auto r = run_zdlint({"--select", "alter-column-type", "--fail-on", "none", dir.path().string()});
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out,
                 "002_alter.sql:2:15: error[alter-column-type]: changing column \"a\" of public.t from int4 to int8 "
                 "rewrites the whole table and rebuilds its indexes public.i0, public.i1, public.i10, public.i100, "
                 "public.i1000, public.i10000, public.i10001, public.i10002, public.i10003, public.i10004 and 19990 "
                 "more while holding AccessExclusiveLock on public.t"));
}

TEST_CASE("alter-column-type names ten referencing tables in notes of their own, and counts the rest") {
  for (const int referencing : {10, 11}) {
    CAPTURE(referencing);
    const TempDir dir;
    dir.write("001_tables.sql", referenced_by(referencing));
    dir.write("002_alter.sql", "SET lock_timeout = '1s';\nALTER TABLE p ALTER COLUMN id TYPE bigint;\n");
    const auto r =
        run_zdlint({"--format", "json", "--select", "alter-column-type", "--fail-on", "none", dir.path().string()});
    const auto diagnostics = nlohmann::json::parse(r.out).at("diagnostics");
    REQUIRE(diagnostics.size() == 1);
    const auto& notes = diagnostics[0].at("notes");
    REQUIRE(notes.size() == 10 + (referencing > 10 ? 1 : 0));
    // In name order: c0, c1, c10, c2, …
    CHECK(notes[0] ==
          "AccessExclusiveLock on public.c0, blocking reads and writes: its foreign key c0_p_fkey references id: "
          "re-created and checked again");
    CHECK(notes[9].get<std::string>().starts_with("AccessExclusiveLock on public.c"));
    if (referencing > 10)
      CHECK(notes[10] ==
            "and 1 more table whose foreign keys point at public.p, each locked and re-checked the same way (zdlint "
            "locks lists them all)");
  }
}

TEST_CASE("a message names ten of the relations its statement locks, and counts the rest") {
  for (const int referencing : {9, 10}) {
    CAPTURE(referencing);
    const TempDir dir;
    dir.write("001_tables.sql", referenced_by(referencing));
    dir.write("002_alter.sql", "ALTER TABLE p ALTER COLUMN id TYPE bigint;\n");
    const auto r = run_zdlint({"--format", "json", "--select", "missing-lock-timeout,missing-statement-timeout",
                               "--fail-on", "none", dir.path().string()});
    const auto diagnostics = nlohmann::json::parse(r.out).at("diagnostics");
    REQUIRE(diagnostics.size() == 2);
    for (const auto& finding : diagnostics) {
      const auto message = finding.at("message").get<std::string>();
      CAPTURE(message);
      // public.p and each referencing table: 10 relations are all named, of 11 the last is counted.
      CHECK(count(message, "AccessExclusiveLock on public.") == 10);
      CHECK(contains(message, "; and 1 more relation (zdlint locks lists them all)") == (referencing == 10));
    }
  }
}

// One statement may name thousands of tables. Each was looked up among the statement's locks one
// by one (1.2 s for these three), and each message named them all: 2.4 MB for the LOCK TABLE.
TEST_CASE("hostile: LOCK TABLE, TRUNCATE and DROP TABLE of 20,000 tables") {
  const TempDir dir;
  std::string tables, names;
  for (int i = 0; i < 20'000; ++i) {
    tables += "CREATE TABLE t" + std::to_string(i) + " (id int);\n";
    names += (i ? ", t" : "t") + std::to_string(i);
  }
  dir.write("001_tables.sql", tables);
  dir.write("002_drop.sql", "SET lock_timeout = '1s';\nBEGIN;\nLOCK TABLE " + names + ";\nTRUNCATE " + names +
                                ";\nDROP TABLE " + names + ";\nCOMMIT;\n");
  const auto r = run_zdlint({"--format", "json", "--select", "lock-table,truncate,drop-table-without-expand",
                             "--fail-on", "none", dir.path().string()});
  CHECK(r.exit_code == 0);
  const auto diagnostics = nlohmann::json::parse(r.out).at("diagnostics");
  REQUIRE(diagnostics.size() == 3);
  const std::string ten =
      "public.t0, public.t1, public.t2, public.t3, public.t4, public.t5, public.t6, public.t7, "
      "public.t8, public.t9";
  const auto lock = diagnostics[0].at("message").get<std::string>();
  CHECK(diagnostics[0].at("rule") == "lock-table");
  CHECK(count(lock, "AccessExclusiveLock on public.t") == 10);
  CHECK(
      lock.ends_with("AccessExclusiveLock on public.t9, blocking reads and writes; and 19990 more relations (zdlint "
                     "locks lists them all); while it waits for the lock, new reads and writes queue behind it as "
                     "well"));
  CHECK(diagnostics[1].at("rule") == "truncate");
  CHECK(diagnostics[1].at("message").get<std::string>().starts_with("TRUNCATE deletes every row of " + ten +
                                                                    " and 19990 more at once; "));
  CHECK(diagnostics[2].at("message") == "dropping tables " + ten +
                                            " and 19990 more breaks every running instance of the application that "
                                            "still reads or writes them, and the data cannot be brought back by a "
                                            "rollback");
}

// DROP … CASCADE names what goes with what it drops: 918 KB for a table 20,000 others reference,
// 309 KB for a schema of 20,000 tables.
TEST_CASE("hostile: DROP … CASCADE of a table 20,000 others reference, and of a schema of 20,000 tables") {
  const TempDir dir;
  std::string schema = "CREATE SCHEMA s;\n";
  for (int i = 0; i < 20'000; ++i) schema += "CREATE TABLE s.t" + std::to_string(i) + " (id int);\n";
  dir.write("001_tables.sql", referenced_by(20'000) + schema);
  dir.write("002_drop.sql", "SET lock_timeout = '1s';\nDROP TABLE p CASCADE;\nDROP SCHEMA s CASCADE;\n");
  const auto r = run_zdlint({"--format", "json", "--select", "drop-cascade", "--fail-on", "none", dir.path().string()});
  CHECK(r.exit_code == 0);
  const auto diagnostics = nlohmann::json::parse(r.out).at("diagnostics");
  REQUIRE(diagnostics.size() == 2);
  const std::string prefix = "DROP ... CASCADE drops every object that depends on what it drops, without naming them: ";
  // In name order: c0, c1, c10, c100, …
  CHECK(diagnostics[0].at("message") ==
        prefix +
            "with public.p it also drops foreign key c0_p_fkey of public.c0, foreign key c1_p_fkey of public.c1, "
            "foreign key c10_p_fkey of public.c10, foreign key c100_p_fkey of public.c100, foreign key c1000_p_fkey "
            "of public.c1000, foreign key c10000_p_fkey of public.c10000, foreign key c10001_p_fkey of "
            "public.c10001, foreign key c10002_p_fkey of public.c10002, foreign key c10003_p_fkey of "
            "public.c10003, foreign key c10004_p_fkey of public.c10004 and 19990 more");
  CHECK(diagnostics[1].at("message") ==
        prefix +
            "with schema s it also drops table s.t0, table s.t1, table s.t10, table s.t100, table s.t1000, table "
            "s.t10000, table s.t10001, table s.t10002, table s.t10003, table s.t10004 and 19990 more");
}

// Each unnamed CHECK takes the first of d_check, d_check1, … that the domain's others do not have:
// found by one pass over their names, not by trying each number in turn (20,000 tries of 20,000
// names each).
TEST_CASE("hostile: a domain of 20,000 unnamed CHECKs") {
  const TempDir dir;
  std::string domain = "CREATE DOMAIN d AS int";
  for (int i = 0; i < 20'000; ++i) domain += " CHECK (VALUE > " + std::to_string(-i) + ")";
  dir.write("001_domain.sql", domain + ";\nCREATE TABLE t (id int);\n");
  dir.write("002_column.sql", "SET lock_timeout = '1s';\nALTER TABLE t ADD COLUMN c d;\n");
  const auto r = run_zdlint(
      {"--format", "json", "--select", "add-column-domain-with-check", "--fail-on", "none", dir.path().string()});
  CHECK(r.exit_code == 0);
  const auto diagnostics = nlohmann::json::parse(r.out).at("diagnostics");
  REQUIRE(diagnostics.size() == 1);
  CHECK(contains(diagnostics[0].at("message").get<std::string>(),
                 "which has CHECK constraints d_check, d_check1, d_check2, d_check3, d_check4, d_check5, d_check6, "
                 "d_check7, d_check8, d_check9 and 19990 more, rewrites the whole table public.t"));
}

// Naming each unnamed CHECK looked at every name the table or domain had: 20,000 on one column took
// 2.5 s, and as long again to VALIDATE or DROP each by name. The names are now found through an
// index, and numbering starts after the names known taken (NamedList). The statements below find
// each constraint by the name PostgreSQL gave it, so a wrong number shows in the findings.
TEST_CASE("hostile: 20,000 unnamed CHECKs on a table and on a domain, found again by PostgreSQL's names") {
  const TempDir dir;
  dir.write("001_create.sql", "CREATE TABLE t (a int);\nCREATE DOMAIN d AS int;\nCREATE TABLE u (id int);\n");
  std::string alter = "SET lock_timeout = '1s';\n";
  alter += repeat("ALTER TABLE t ADD CHECK (a IS NOT NULL) NOT VALID;\n", 20'000);
  alter += repeat("ALTER DOMAIN d ADD CHECK (VALUE > 0) NOT VALID;\n", 20'000);
  // Only the last CHECK on t is validated: it proves a has no NULL, so SET NOT NULL reads no rows.
  alter += "ALTER TABLE t VALIDATE CONSTRAINT t_a_check19999;\nALTER TABLE t ALTER COLUMN a SET NOT NULL;\n";
  // Every CHECK of d but one is dropped by its name; the one left is named in the finding.
  alter += "ALTER DOMAIN d DROP CONSTRAINT d_check;\n";
  for (int i = 1; i < 20'000; ++i)
    if (i != 12'345) alter += "ALTER DOMAIN d DROP CONSTRAINT d_check" + std::to_string(i) + ";\n";
  alter += "ALTER TABLE u ADD COLUMN c d;\n";
  dir.write("002_alter.sql", alter);
  const auto r = run_zdlint({"--format", "json", "--select", "set-not-null,add-column-domain-with-check", "--fail-on",
                             "none", dir.path().string()});
  CHECK(r.exit_code == 0);
  const auto diagnostics = nlohmann::json::parse(r.out).at("diagnostics");
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].at("rule") == "add-column-domain-with-check");
  CHECK(diagnostics[0].at("line") == 60'003);
  CHECK(contains(diagnostics[0].at("message").get<std::string>(), "which has CHECK constraint d_check12345, rewrites"));
}

// Each unnamed UNIQUE tried the names t_a_key, t_a_key1, … from the first, looking each up among
// the table's constraints and the schema's relations, in the replay, the lock model and the rule:
// 20,000 on one column took 70 s. The table now keeps how many are taken until a relation's name
// is freed.
TEST_CASE("hostile: 20,000 unnamed UNIQUE constraints on one column, around a table holding one of their names") {
  const TempDir dir;
  dir.write("001_create.sql", "CREATE TABLE t (a int);\nCREATE TABLE t_a_key7 (x int);\n");
  dir.write("002_alter.sql", "SET lock_timeout = '1s';\n" + repeat("ALTER TABLE t ADD UNIQUE (a);\n", 20'000) +
                                 "DROP TABLE t_a_key7;\nALTER TABLE t ADD UNIQUE (a);\n");
  const auto r =
      run_zdlint({"--format", "json", "--select", "add-unique-constraint", "--fail-on", "none", dir.path().string()});
  CHECK(r.exit_code == 0);
  const auto diagnostics = nlohmann::json::parse(r.out).at("diagnostics");
  REQUIRE(diagnostics.size() == 20'001);
  const auto message = [&](size_t i) { return diagnostics[i].at("message").get<std::string>(); };
  CHECK(contains(message(6), "adding UNIQUE constraint t_a_key6 to public.t"));
  CHECK(contains(message(7), "adding UNIQUE constraint t_a_key8 to public.t"));  // t_a_key7 is a table's
  CHECK(diagnostics[19'999].at("line") == 20'001);
  CHECK(contains(message(19'999), "adding UNIQUE constraint t_a_key20000 to public.t"));
  CHECK(diagnostics[20'000].at("line") == 20'003);
  CHECK(contains(message(20'000), "adding UNIQUE constraint t_a_key7 to public.t"));
}

// A table of 20,000 foreign keys to one other was listed among the other's referencing tables once
// per key, and renaming the other walked all 20,000 keys for each entry (2.9 s); renaming each of
// 20,000 key constraints' indexes walked every constraint of the table (2.9 s).
TEST_CASE("hostile: 20,000 foreign keys to a table renamed, and 20,000 keys renamed by their indexes") {
  const TempDir dir;
  dir.write("001_create.sql", "CREATE TABLE p (id int PRIMARY KEY);\nCREATE TABLE t (a int);\n");
  std::string alter = "SET lock_timeout = '1s';\n" +
                      repeat("ALTER TABLE t ADD FOREIGN KEY (a) REFERENCES p NOT VALID;\n", 20'000) +
                      "ALTER TABLE p RENAME TO q;\nTRUNCATE q CASCADE;\n";
  for (int i = 0; i < 20'000; ++i) alter += "ALTER TABLE t ADD CONSTRAINT k" + std::to_string(i) + " UNIQUE (a);\n";
  for (int i = 0; i < 20'000; ++i)
    alter += "ALTER INDEX k" + std::to_string(i) + " RENAME TO renamed" + std::to_string(i) + ";\n";
  dir.write("002_alter.sql", alter);
  dir.write("003_drop.sql",
            "SET lock_timeout = '1s';\nALTER TABLE t DROP CONSTRAINT renamed19999;\nDROP INDEX renamed19998;\n"
            "DROP INDEX k5;\n");
  const auto r = run_zdlint(
      {"--format", "json", "--select", "truncate,drop-index-non-concurrent", "--fail-on", "none", dir.path().string()});
  CHECK(r.exit_code == 0);
  const auto diagnostics = nlohmann::json::parse(r.out).at("diagnostics");
  REQUIRE(diagnostics.size() == 3);
  const auto message = [&](size_t i) { return diagnostics[i].at("message").get<std::string>(); };
  CHECK(diagnostics[0].at("rule") == "truncate");
  CHECK(diagnostics[0].at("line") == 20'003);
  CHECK(contains(message(0), "CASCADE also empties public.t, whose foreign keys"));
  // The renamed index is t's; its old name is no index the history made.
  CHECK(diagnostics[1].at("line") == 3);
  CHECK(contains(message(1), "on index public.renamed19998 and AccessExclusiveLock on public.t,"));
  CHECK(diagnostics[2].at("line") == 4);
  CHECK(contains(message(2), "on index public.k5 (not created by these migrations"));
}

TEST_CASE("messages name ten of the tables, objects and differences they list, and count the rest") {
  for (const int n : {10, 11}) {
    CAPTURE(n);
    const bool counted = n > 10;
    const TempDir dir;
    std::string tables, names, checks;
    for (int i = 0; i < n; ++i) {
      tables += "CREATE TABLE t" + std::to_string(i) + " (id int PRIMARY KEY);\n";
      names += (i ? ", t" : "t") + std::to_string(i);
      checks += " CONSTRAINT k" + std::to_string(i) + " CHECK (VALUE > " + std::to_string(-i) + ")";
    }
    dir.write("001_tables.sql", tables + "CREATE DOMAIN d AS int" + checks + ";\n");
    dir.write("002_drop.sql", "SET lock_timeout = '1s';\nALTER TABLE t0 ADD COLUMN c d;\nDROP TABLE " + names + ";\n");
    // A down missing 6 + n differences: 6 in the message, n in notes.
    std::string up;
    for (int i = 0; i < 6 + n; ++i) up += "CREATE TABLE u" + std::to_string(100 + i) + " (id int);\n";
    dir.write("003_up.up.sql", up);
    dir.write("003_up.down.sql", "SELECT 1;\n");
    const auto r = run_zdlint({"--format", "json", "--select",
                               "drop-table-without-expand,add-column-domain-with-check,down-does-not-revert-up",
                               "--fail-on", "none", dir.path().string()});
    const auto diagnostics = nlohmann::json::parse(r.out).at("diagnostics");
    REQUIRE(diagnostics.size() == 3);
    const auto message = [&](size_t i) { return diagnostics[i].at("message").get<std::string>(); };
    CHECK(diagnostics[0].at("rule") == "add-column-domain-with-check");
    CHECK(contains(message(0), "which has CHECK constraints k0, k1, k2, k3, k4, k5, k6, k7, k8, k9" +
                                   std::string(counted ? " and 1 more, rewrites" : ", rewrites")));
    CHECK(diagnostics[1].at("rule") == "drop-table-without-expand");
    CHECK(contains(message(1), "public.t8, public.t9 breaks") == !counted);
    CHECK(contains(message(1), "public.t8, public.t9 and 1 more breaks") == counted);
    CHECK(diagnostics[2].at("rule") == "down-does-not-revert-up");
    CHECK(message(2).ends_with("; and " + std::to_string(n) + " more"));
    const auto& notes = diagnostics[2].at("notes");
    REQUIRE(notes.size() == 10 + (counted ? 1 : 0));
    CHECK(notes[0] == "table public.u106 is made by the up and still there after the down");
    CHECK(notes[9] == "table public.u115 is made by the up and still there after the down");
    if (counted) CHECK(notes[10] == "and 1 more difference");
  }
}

// Each down was compared with its up by searching the other side for every index of the table:
// the thousandth down of a table gaining an index per migration made a million comparisons, and
// 2,000 such migrations took 10 seconds.
TEST_CASE("hostile: 1,000 up and down migrations, each adding an index to one table") {
  const TempDir dir;
  dir.write("000000_t.up.sql", "CREATE TABLE t (a int);\n");
  dir.write("000000_t.down.sql", "DROP TABLE t;\n");
  for (int i = 1; i < 1'000; ++i) {
    char prefix[16];
    std::snprintf(prefix, sizeof prefix, "%06d_i", i);
    const std::string index = "i" + std::to_string(i);
    dir.write(std::string(prefix) + ".up.sql", "CREATE INDEX CONCURRENTLY " + index + " ON t (a);\n");
    // Two downs forget their index: the one in the middle and the last.
    dir.write(std::string(prefix) + ".down.sql",
              i == 500 || i == 999 ? "SELECT 1;\n" : "DROP INDEX CONCURRENTLY " + index + ";\n");
  }
  const auto r =
      run_zdlint({"--format", "json", "--select", "down-does-not-revert-up", "--fail-on", "none", dir.path().string()});
  CHECK(r.exit_code == 0);
  CHECK(count(r.out, "\"rule\": \"down-does-not-revert-up\"") == 2);
  CHECK(contains(r.out, "does not revert its up: index public.i500 is made by the up and still there after the down"));
  CHECK(contains(r.out, "does not revert its up: index public.i999 is made by the up and still there after the down"));
}

// Creating or attaching a partition looked at every other partition of the table for its DEFAULT
// one, and so did two rules: 8,000 attached took 4.4 seconds.
TEST_CASE("hostile: 3,000 partitions created and 3,000 attached beside a default partition") {
  const TempDir dir;
  std::string tables =
      "CREATE TABLE p (id int, k int) PARTITION BY LIST (k);\nCREATE TABLE p_default PARTITION OF p DEFAULT;\n";
  std::string partitions = "SET lock_timeout = '1s';\n";
  for (int i = 0; i < 3'000; ++i) {
    const std::string n = std::to_string(i);
    tables += "CREATE TABLE q" + n + " (id int, k int);\n";
    partitions += "CREATE TABLE p" + n + " PARTITION OF p FOR VALUES IN (" + n + ");\n";
    partitions += "ALTER TABLE p ATTACH PARTITION q" + n + " FOR VALUES IN (" + std::to_string(3'000 + i) + ");\n";
  }
  dir.write("001_tables.sql", tables);
  dir.write("002_partitions.sql", partitions);
  const auto r =
      run_zdlint({"--format", "json", "--select", "create-partition-locks-parent,attach-partition-without-check",
                  "--fail-on", "none", dir.path().string()});
  CHECK(r.exit_code == 0);
  CHECK(count(r.out, "\"rule\": \"create-partition-locks-parent\"") == 3'000);
  CHECK(count(r.out, "\"rule\": \"attach-partition-without-check\"") == 3'000);
  // Each statement finds the default partition, to the last.
  CHECK(count(r.out, "the DEFAULT partition public.p_default is locked (AccessExclusiveLock)") == 6'000);
  CHECK(contains(r.out, "\"line\": 6001,"));
}

// A statement's effects were found by a search of all of them for each relation it locks (found by
// a sweep): ten CREATE INDEX on a table of 8,000 partitions took 1.4 s of CPU, ALTER COLUMN TYPE
// on a table of 8,000 indexes 0.35 s.
TEST_CASE("hostile: indexes created on a table of 8,000 partitions") {
  const TempDir dir;
  std::string sql = "CREATE TABLE p (id int, k int) PARTITION BY LIST (k);\n";
  for (int i = 0; i < 8'000; ++i)
    sql += "CREATE TABLE p" + std::to_string(i) + " PARTITION OF p FOR VALUES IN (" + std::to_string(i) + ");\n";
  for (const char* column : {"id", "k", "id, k"}) sql += "CREATE INDEX ON p (" + std::string(column) + ");\n";
  const auto r = run_zdlint({"locks", dir.write("001_partitions.sql", sql).string()});
  CHECK(r.exit_code == 0);
  // Each of the three statements locks each partition once.
  CHECK(count(r.out, "ShareLock                 blocks: writes, ddl            scan, proportional") == 24'000);
  CHECK(contains(r.out, "001_partitions.sql:8004:1  CREATE INDEX ON p (id, k)"));
}

// Partitions of partitions are walked with stacks of their own (Catalog::partitions_below, the
// index copies made down the tree): a tree 10,000 deep, and one a lenient replay closes into a cycle,
// which PostgreSQL would refuse.
TEST_CASE("hostile: partitions nested 10,000 deep, closed into a cycle") {
  const TempDir dir;
  std::string sql = "CREATE TABLE p0 (id int, k int) PARTITION BY LIST (k);\n";
  for (int i = 1; i < 10'000; ++i)
    sql += "CREATE TABLE p" + std::to_string(i) + " PARTITION OF p" + std::to_string(i - 1) + " FOR VALUES IN (" +
           std::to_string(i) + ") PARTITION BY LIST (k);\n";
  sql +=
      "CREATE TABLE p10000 PARTITION OF p9999 FOR VALUES IN (10000);\n"
      "CREATE INDEX p0_id_idx ON p0 (id);\n"
      "ALTER TABLE p9999 ATTACH PARTITION p0 FOR VALUES IN (-1);\n";
  const auto history = dir.write("001_partitions.sql", sql);
  const auto subject = dir.write("002_statements.sql",
                                 "UPDATE p0 SET id = 1;\nALTER TABLE p0 RENAME COLUMN id TO ident;\n"
                                 "DROP INDEX p0_id_idx;\nDROP TABLE p0;\n");
  const auto r = run_zdlint({"locks", history.string(), subject.string()});
  CHECK(r.exit_code == 0);
  // The index copies were made all the way down, and each statement reaches every partition once.
  CHECK(count(r.out, "      note: the copy of public.p0_id_idx on partition public.p") == 10'000);
  CHECK(contains(r.out, "public.p10000_id_idx"));
  CHECK(count(r.out, "      note: a partition, dropped with the partitioned table") == 10'000);
  // p10000, by the history's CREATE INDEX, the UPDATE and the rename.
  CHECK(count(r.out, "      note: a partition of public.p9999") == 3);
}

// Each directive was looked at for each finding of its file (found by a sweep): 16,000 statements,
// each under its own directive, took 2.6 G instructions.
TEST_CASE("hostile: 20,000 statements, each under its own directive") {
  const TempDir dir;
  const auto table = dir.write("000_table.sql", "CREATE TABLE t (a int);\n");  // an earlier file's: not new
  std::string sql;
  for (int i = 0; i < 20'000; ++i) {
    // The last directive names a rule with nothing to suppress: its index is reported, and it is unused.
    sql += i == 19'999 ? "-- zdlint-ignore rename-column: not this one\n"
                       : "-- zdlint-ignore create-index-non-concurrent: a small table\n";
    sql += "CREATE INDEX i" + std::to_string(i) + " ON t (a);\n";
  }
  const auto r = run_zdlint({"--format", "json", "--select", "create-index-non-concurrent,rename-column,unused-ignore",
                             "--fail-on", "none", table.string(), dir.write("001_indexes.sql", sql).string()});
  CHECK(r.exit_code == 0);
  CHECK(count(r.out, "\"rule\": \"create-index-non-concurrent\"") == 1);
  CHECK(count(r.out, "\"rule\": \"unused-ignore\"") == 1);
  CHECK(contains(r.out, "\"line\": 39999,"));  // the unused directive
  CHECK(contains(r.out, "\"line\": 40000,"));  // the last index
}

// DROP SCHEMA looked at every table of the history for the schema's, twice (the replay and the
// drop-cascade rule; found by a sweep): 8,000 schemas created and dropped took 0.92 s of CPU.
TEST_CASE("hostile: 8,000 schemas created, then each dropped with its table") {
  const TempDir dir;
  std::string created;
  std::string dropped;
  for (int i = 0; i < 8'000; ++i) {
    const std::string schema = "s" + std::to_string(i);
    created += "CREATE SCHEMA " + schema + ";\nCREATE TABLE " + schema + ".t (a int);\n";
    dropped += "DROP SCHEMA " + schema + " CASCADE;\n";
  }
  dir.write("001_schemas.sql", created);
  dir.write("002_drop.sql", dropped);
  const auto r = run_zdlint({"--format", "json", "--select", "drop-cascade", "--fail-on", "none", dir.path().string()});
  CHECK(r.exit_code == 0);
  CHECK(count(r.out, "\"rule\": \"drop-cascade\"") == 8'000);
  CHECK(contains(r.out, "with schema s7999 it also drops table s7999.t\""));
  CHECK(contains(r.out, "\"line\": 8000,"));
}

// Each finding's column used to be counted from its line's start (found by a sweep): a line of n
// statements took time quadratic in n, minutes for this one.
TEST_CASE("hostile: 20,000 statements on one line, each finding at its column") {
  const TempDir dir;
  std::string sql;
  for (int i = 0; i < 20'000; ++i) sql += "CREATE INDEX i" + std::to_string(i) + " ON t (a); ";
  const auto last = sql.rfind("CREATE");
  const auto file = dir.write("one_line.sql", sql);
  const auto r =
      run_zdlint({"--format", "json", "--select", "create-index-non-concurrent", "--fail-on", "none", file.string()});
  CHECK(r.exit_code == 0);
  CHECK(count(r.out, "\"rule\": \"create-index-non-concurrent\"") == 20'000);
  CHECK(contains(r.out, "\"column\": " + std::to_string(last + 1) + ","));
}

// Reading a PL/pgSQL body's statements back used to take time quadratic in their number (found by
// a sweep): seconds for 8,000.
TEST_CASE("hostile: a DO block of 20,000 statements, and one EXECUTE of as many") {
  const TempDir dir;
  std::string body, literal;
  for (int i = 0; i < 20'000; ++i) {
    body += "  CREATE INDEX i" + std::to_string(i) + " ON t (a);\n";
    literal += "CREATE INDEX j" + std::to_string(i) + " ON t (a); ";
  }
  const auto file =
      dir.write("do.sql", "DO $$\nBEGIN\n" + body + "END $$;\nDO $$ BEGIN EXECUTE '" + literal + "'; END $$;\n");
  const auto r =
      run_zdlint({"--format", "json", "--select", "create-index-non-concurrent", "--fail-on", "none", file.string()});
  CHECK(r.exit_code == 0);
  CHECK(count(r.out, "\"rule\": \"create-index-non-concurrent\"") == 40'000);
  CHECK(contains(r.out, "\"line\": 20002,"));  // the last statement of the first block
}

// PL/pgSQL's parser, on the server as in libpg_query, gives up at about 3,330 nested IF or BEGIN
// levels ("memory exhausted"); up to there each level is a level of the JSON zdlint reads.
TEST_CASE("hostile: PL/pgSQL blocks nested 3,000 deep are read; 10,000 deep, which PostgreSQL refuses, end cleanly") {
  const TempDir dir;
  const auto nested = [&](const std::string& name, int depth) {
    std::string sql = "DO $$\nBEGIN\n";
    for (int i = 0; i < depth; ++i) sql += i % 2 ? "BEGIN\n" : "IF true THEN\n";
    sql += "CREATE INDEX i ON t (a);\n";
    for (int i = depth - 1; i >= 0; --i) sql += i % 2 ? "END;\n" : "END IF;\n";
    return dir.write(name, sql + "END\n$$;\n").string();
  };
  const auto readable = nested("readable.sql", 3'000);
  const auto refused = nested("refused.sql", 10'000);
  const auto r = run_zdlint(
      {"--format", "json", "--select", "create-index-non-concurrent", "--fail-on", "none", readable, refused});
  CHECK(r.exit_code == 0);
  CHECK(count(r.out, "\"rule\": \"create-index-non-concurrent\"") == 1);
  CHECK(contains(r.out, "\"line\": 3003,"));
  // The refused body's statements were not checked, and the run says so.
  const auto problems = nlohmann::json::parse(r.out)["problems"];
  REQUIRE(problems.size() == 1);
  CHECK(problems[0]["path"] == refused);
  CHECK(problems[0]["severity"] == "warning");
  CHECK(problems[0]["message"] ==
        "the body of 1 DO block or function in 1 file could not be compiled as PL/pgSQL, so the statements in it "
        "were not checked (line 1 here is the first). The server refuses a body that does not compile; "
        "libpg_query's PL/pgSQL, which zdlint uses, also fails on a few that the server takes");
}

TEST_CASE("hostile: NUL bytes and invalid UTF-8 are input errors naming the file and position") {
  const TempDir dir;
  const auto nul = dir.write("nul.sql", std::string("SELECT 1;\0SELECT 2;\n", 21));
  const auto latin1 = dir.write("latin1.sql", "SELECT 1;\nSELECT 'caf\xe9';\n");
  const auto truncated = dir.write("truncated.sql", "SELECT '\xe2\x82';\n");
  const auto good = dir.write("good.sql", "ALTER TABLE t RENAME COLUMN a TO b;\n");
  const auto r = run_zdlint({"--quiet", nul.string(), latin1.string(), truncated.string(), good.string()});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "nul.sql: is a binary file (NUL byte at offset 9), not SQL text"));
  CHECK(contains(r.err, "latin1.sql: is not valid UTF-8 (invalid byte 0xE9 at line 2, byte column 12)"));
  CHECK(contains(r.err, "truncated.sql: is not valid UTF-8"));
  // The readable file is still linted.
  CHECK(contains(r.out, "good.sql:1:1: warning[rename-column]"));
}

TEST_CASE("hostile: 10,000-byte identifiers") {
  const TempDir dir;
  const std::string name(10'000, 'a');
  const auto file = dir.write("long_names.sql", "CREATE TABLE " + name + " (id int);\nALTER TABLE " + name +
                                                    " RENAME COLUMN id TO " + std::string(10'000, 'b') + ";\n"
                                                    "ALTER TABLE \"" + std::string(10'000, 'c') + "\" DROP COLUMN x;\n");
  const auto r = run_zdlint({"--quiet", "--select", "drop-column-without-expand,rename-column", file.string()});
  CHECK(r.exit_code == 1);
  // The table created on line 1 is new, so renaming its column is fine; the unknown one is not.
  CHECK(!contains(r.out, "rename-column"));
  CHECK(contains(r.out, "long_names.sql:3:"));
  CHECK(contains(r.out, "warning[drop-column-without-expand]"));
}

TEST_CASE("hostile: runs of operator characters PostgreSQL's scanner would take minutes over") {
  const TempDir dir;
  const auto nested = dir.write("nested.sql", "DROP TABLE a;\n" + repeat("/*", 250'000) + repeat("*/", 250'000) +
                                                  "DROP TABLE b;\nDROP TABLE c;\n");
  const auto plus = dir.write("plus.sql", "DROP TABLE d;\nSELECT 1 " + repeat("+", 100'000) + " 1;\n");
  const auto r = run_zdlint({"--select", "syntax-error,drop-table-without-expand", nested.string(), plus.string()});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.out, "nested.sql:1:1: warning[drop-table-without-expand]: dropping table public.a "));
  CHECK(contains(r.out,
                 "nested.sql:2:1: error[syntax-error]: a run of 1000000 operator characters, which "
                 "PostgreSQL's scanner reads again from each token it makes of it (nested \"/*\", or \"+\" "
                 "after \"+\"): that would take minutes, here and on the server, so this text is not parsed\n"));
  CHECK(contains(r.out, "plus.sql:1:1: warning[drop-table-without-expand]: dropping table public.d "));
  CHECK(contains(r.out, "plus.sql:2:1: error[syntax-error]: a run of 100000 operator characters"));
  CHECK(count(r.out,
              "= help: zdlint analysed the statements before this point and none after it; text like "
              "this is most likely generated or damaged\n") == 2);
  CHECK(count(r.out, "[drop-table-without-expand]") == 2);
  // Reporters that fingerprint findings take the errors too.
  const auto sarif = run_zdlint({"--format", "sarif", "--select", "syntax-error", nested.string(), plus.string()});
  CHECK(sarif.exit_code == 1);
  CHECK(count(sarif.out, "\"ruleId\":\"syntax-error\"") == 2);
  CHECK(count(sarif.out, "\"zdlint/v1\":\"") == 2);
}

TEST_CASE("hostile: unterminated dollar quotes, strings and comments") {
  const TempDir dir;
  const auto dollar = dir.write("dollar.sql",
                                "SELECT 1;\nCREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1;\n" + repeat("-- x\n", 1000));
  const auto comment = dir.write("comment.sql", "SELECT 1;\n/* never closed\n" + repeat("SELECT 2;\n", 1000));
  const auto quote = dir.write("quote.sql", "SELECT 1;\nSELECT 'never closed;\nSELECT 3;\n");
  const auto r = run_zdlint({"--quiet", "--select", "syntax-error", dollar.string(), comment.string(), quote.string()});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.out, "dollar.sql:2:1: error[syntax-error]: unterminated dollar-quoted string at or near "
                        "\"$body$ BEGIN RETURN 1;...\"\n"));
  CHECK(contains(r.out, "comment.sql:2:1: error[syntax-error]: unterminated /* comment at or near \"/* never closed...\"\n"));
  CHECK(contains(r.out, "quote.sql:2:1: error[syntax-error]: unterminated quoted string at or near \"'never closed;...\"\n"));
}
