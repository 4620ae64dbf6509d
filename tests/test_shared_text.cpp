// SharedText and TextPool: one copy of each text a run's findings repeat, and the engine's findings
// sharing it.
#include <doctest/doctest.h>

#include "analyzer/engine.h"
#include "analyzer/shared_text.h"
#include "tests/test_support.h"

using namespace zdlint;

TEST_CASE("a pool hands out one copy of each distinct text") {
  TextPool pool;
  const SharedText first = pool.intern("SET LOCAL lock_timeout before it");
  const SharedText again = pool.intern(std::string("SET LOCAL lock_timeout before") + " it");
  const SharedText other = pool.intern("SET LOCAL lock_timeout before it.");
  CHECK(first == "SET LOCAL lock_timeout before it");
  CHECK(again.view().data() == first.view().data());  // the same characters, not an equal copy
  CHECK(other == "SET LOCAL lock_timeout before it.");
  CHECK(other.view().data() != first.view().data());
  CHECK_FALSE(first == other);
}

TEST_CASE("an empty text holds nothing and equals the empty string") {
  TextPool pool;
  const SharedText empty = pool.intern("");
  CHECK(empty.empty());
  CHECK(empty == "");
  CHECK(empty.str().empty());
  CHECK(SharedText().empty());
  CHECK(SharedText(std::string()).empty());
  CHECK_FALSE(SharedText("x").empty());
}

TEST_CASE("copies of a text share its characters and outlive the pool") {
  SharedText kept;
  {
    TextPool pool;
    const SharedText original = pool.intern("add the column nullable first");
    kept = original;
    CHECK(kept.view().data() == original.view().data());
  }
  CHECK(kept == "add the column nullable first");
  CHECK(kept.str() == "add the column nullable first");
  const std::string_view as_view = kept;
  CHECK(as_view == "add the column nullable first");
}

TEST_CASE("a run's findings of one rule share their help, and equal messages their message") {
  test::TempDir dir;
  LintRequest request;
  request.paths = {
      dir.write("migration.sql", "CREATE INDEX a_x ON a (x);\nCREATE INDEX b_x ON b (x);\nCREATE INDEX b_y ON b (y);\n")
          .string()};
  request.rules.select = {"create-index-non-concurrent"};
  const LintResult result = run_lint(request);
  REQUIRE(result.diagnostics.size() == 3);
  const Diagnostic& a = result.diagnostics[0];
  const Diagnostic& b = result.diagnostics[1];
  CHECK(a.rule.str() == "create-index-non-concurrent");
  CHECK_FALSE(a.help.empty());
  CHECK(b.help.view().data() == a.help.view().data());
  CHECK(result.diagnostics[2].help.view().data() == a.help.view().data());
  // The messages name the table: those on b are one text, a's another.
  CHECK(a.message != b.message);
  CHECK(result.diagnostics[2].message.view().data() == b.message.view().data());
}
