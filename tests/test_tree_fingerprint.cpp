// parser/tree_fingerprint.h against pg_query_fingerprint itself: the same value for every statement
// of testdata/ and for the cases its walk treats specially.
#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "analyzer/fingerprint.h"
#include "parser/parse_file.h"
#include "parser/tree_fingerprint.h"
#include "tests/test_support.h"

namespace fs = std::filesystem;
using zdlint::tree_fingerprint;

namespace {

struct Comparison {
  size_t compared = 0;
  size_t without_fingerprint = 0;  // trees the walk declined
  std::vector<std::string> mismatches;
};

// Compares the two fingerprints of every top-level statement of `text`.
void compare_statements(const std::string& name, const std::string& text, Comparison& comparison) {
  const auto source = std::make_shared<const zdlint::SourceFile>(name, text);
  const zdlint::ParsedFile parsed = zdlint::parse_file(source, {});
  for (const zdlint::Statement& stmt : parsed.statements) {
    if (stmt.origin != zdlint::StatementOrigin::TopLevel || !stmt.node) continue;
    const std::string sql(source->text().substr(stmt.range.begin, stmt.range.size()));
    // Templating placeholders and psql variables are parsed as stand-ins: the tree is not the text's.
    if (source->sql().substr(stmt.range.begin, stmt.range.size()) != sql) continue;
    const std::optional<std::string> from_tree = tree_fingerprint(*stmt.node);
    if (!from_tree) {
      ++comparison.without_fingerprint;
      continue;
    }
    ++comparison.compared;
    const std::string expected = zdlint::statement_fingerprint(sql);
    if (*from_tree != expected) comparison.mismatches.push_back(name + ": " + sql);
  }
}

// Compares them in every .sql file under `dir` of at most `largest` bytes.
Comparison compare_files(const fs::path& dir, uintmax_t largest) {
  Comparison comparison;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".sql" || entry.file_size() > largest) continue;
    compare_statements(entry.path().string(), zdlint::test::slurp(entry.path()), comparison);
  }
  return comparison;
}

void check_all_equal(const Comparison& comparison, size_t at_least) {
  INFO("first mismatch: " << (comparison.mismatches.empty() ? "" : comparison.mismatches.front()));
  CHECK(comparison.mismatches.empty());
  CHECK(comparison.compared > at_least);
  CHECK(comparison.without_fingerprint == 0);
}

std::string fingerprint_of(const std::string& sql) {
  const auto source = std::make_shared<const zdlint::SourceFile>("t.sql", sql);
  const zdlint::ParsedFile parsed = zdlint::parse_file(source, {});
  REQUIRE(parsed.statements.size() == 1);
  const std::optional<std::string> from_tree = tree_fingerprint(*parsed.statements[0].node);
  REQUIRE(from_tree.has_value());
  return *from_tree;
}

}  // namespace

TEST_CASE("the tree's fingerprint is pg_query_fingerprint's for every statement of testdata/") {
  check_all_equal(compare_files(fs::path(zdlint::test::source_dir()) / "testdata", UINTMAX_MAX), 1000);
}

TEST_CASE("the tree's fingerprint is pg_query_fingerprint's for every statement of the corpus") {
  const fs::path corpus = zdlint::test::corpus_dir();
  if (!fs::exists(corpus / "MANIFEST.md")) {
    MESSAGE("not compared with the corpus: none at ", corpus.string(), " (set ZDLINT_CORPUS)");
    return;
  }
  // The two large dumps take a minute to parse and hold nothing the histories do not.
  check_all_equal(compare_files(corpus, 1u << 20), 10000);
}

TEST_CASE("the cases libpg_query's fingerprint treats specially give its values") {
  const std::vector<std::string> cases = {
      // constants, their casts and parameters are left out; aliases too
      "SELECT a AS x, 0, '1'::int, $1::text FROM t AS u WHERE b = 2",
      // target lists, FROM lists, IN lists and VALUES rows are hashed as sets
      "SELECT b, a FROM t2, t1 WHERE c IN (1, 2, d) AND e = ANY(f)",
      "INSERT INTO t (b, a) VALUES (1, 2), (3, x), (3, x)",
      // runs of digits in table names are left out, not in temporary tables
      "SELECT * FROM orders_2024_01 JOIN pg_temp.t1234 USING (id)",
      "CREATE TEMP TABLE t1234 (a int)",
      // SELECT DISTINCT's list holding only NIL keeps its name
      "SELECT DISTINCT a FROM t",
      // CREATE FOREIGN TABLE's CreateStmt is a struct member, hashed in place
      "CREATE FOREIGN TABLE f (a int) SERVER s OPTIONS (x 'y')",
      // Integer 0, Float, Boolean, enums, long counts
      "CREATE SEQUENCE s START 0 INCREMENT 5 MINVALUE 1.5",
      "CREATE ROLE r WITH LOGIN NOSUPERUSER",
      "FETCH 5 FROM c",
      // names left out
      "PREPARE p AS SELECT 1",
      "NOTIFY chan, 'payload'",
      "SAVEPOINT s1",
      "DO $$ BEGIN END $$",
      // a ResTarget's name outside a SELECT's target list is a column name, and kept
      "UPDATE t SET a = b + 1 WHERE c",
      "CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql AS 'SELECT x'",
      "ALTER TABLE t ADD COLUMN c int NOT NULL DEFAULT 1, ALTER COLUMN d TYPE bigint USING d::bigint",
      "CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON t USING gin (lower(a), b DESC NULLS LAST) WHERE c",
      "WITH w AS MATERIALIZED (SELECT 1) SELECT * FROM w ORDER BY 1 LIMIT 2 FOR UPDATE SKIP LOCKED",
      // a string field set to '' is hashed, one left unset (NULL) is not; empty constants are left out
      "COMMENT ON INDEX biid IS ''",
      "COMMENT ON INDEX biid IS 'x'",
      "COMMENT ON INDEX biid IS NULL",
      "COMMENT ON TABLE t IS ''",
      "COMMENT ON COLUMN t.c IS ''",
      "SELECT ''",
      "SELECT '' AS x",
      "INSERT INTO t VALUES ('')",
  };
  for (const std::string& sql : cases) {
    CAPTURE(sql);
    CHECK(fingerprint_of(sql) == zdlint::statement_fingerprint(sql));
  }
}

TEST_CASE("nodes deeper than libpg_query's cut-off are left out as it leaves them out") {
  // Each `a + (…)` nests one A_Expr a level deeper, under the one before it (its rexpr).
  for (const int levels : {40, 90, 94, 95, 96, 97, 98, 99, 100, 130}) {
    CAPTURE(levels);
    std::string expression = "a";
    for (int i = 0; i < levels; ++i) expression = "a + (" + expression + ")";
    const std::string sql = "SELECT " + expression + " FROM t";
    CHECK(fingerprint_of(sql) == zdlint::statement_fingerprint(sql));
  }
}
