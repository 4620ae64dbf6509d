// A run keeps a file's text in its report only where it found something, reported or suppressed:
// the outputs show text only with findings, and a long history's texts are most of a run's memory.
// What no output reads (the replay's catalog) the result only hands over, for its caller to free.
#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <optional>

#include "analyzer/engine.h"
#include "tests/test_support.h"

using namespace zdlint;

namespace {

const FileReport& report_of(const LintResult& result, std::string_view name) {
  const auto it = std::find_if(result.files.begin(), result.files.end(),
                               [&](const FileReport& f) { return f.path.ends_with(name); });
  REQUIRE(it != result.files.end());
  return *it;
}

}  // namespace

TEST_CASE("only the files with findings keep their text") {
  test::TempDir dir;
  dir.write("migrations/001_quiet.sql", "CREATE TABLE t (id bigint PRIMARY KEY, name text);\n");
  dir.write("migrations/002_loud.sql", "ALTER TABLE t RENAME COLUMN name TO full_name;\n");
  dir.write("migrations/003_hushed.sql",
            "-- zdlint-ignore rename-column: nothing reads it yet\nALTER TABLE t RENAME COLUMN full_name TO label;\n");
  dir.write("migrations/004_quiet_too.sql", "CREATE TABLE u (id bigint PRIMARY KEY);\n");
  LintRequest request;
  request.paths = {(dir.path() / "migrations").string()};
  request.rules.select = {"rename-column"};
  const LintResult result = run_lint(request);

  REQUIRE(result.files.size() == 4);
  REQUIRE(result.diagnostics.size() == 1);
  REQUIRE(result.suppressed.size() == 1);
  CHECK(report_of(result, "001_quiet.sql").source == nullptr);
  CHECK(report_of(result, "004_quiet_too.sql").source == nullptr);
  const FileReport& loud = report_of(result, "002_loud.sql");
  REQUIRE(loud.source != nullptr);
  CHECK(loud.source->text() == "ALTER TABLE t RENAME COLUMN name TO full_name;\n");
  CHECK(&result.files.at(result.diagnostics[0].file) == &loud);
  CHECK(loud.source->position(result.diagnostics[0].range.begin).line == 1);
  const FileReport& hushed = report_of(result, "003_hushed.sql");
  REQUIRE(hushed.source != nullptr);  // a suppressed finding is still shown by --include-suppressed
  CHECK(&result.files.at(result.suppressed[0].file) == &hushed);
  CHECK(hushed.source->position(result.suppressed[0].range.begin).line == 2);
  // What the report says of every file does not need the text.
  CHECK(report_of(result, "001_quiet.sql").statements == 1);
  CHECK_FALSE(report_of(result, "001_quiet.sql").empty);
}

TEST_CASE("what no output reads is kept with the result, and freed with it after the request") {
  // The replay's catalog is freed when the caller lets it go (the CLI: while it writes the report),
  // not when run_lint returns; freeing it must not reach back to the request, which the caller may
  // have dropped by then (the sanitizer build would report a read of it).
  test::TempDir dir;
  dir.write("migrations/001_create.sql", "CREATE TABLE t (id bigint PRIMARY KEY, name text);\n");
  dir.write("migrations/002_rename.sql", "ALTER TABLE t RENAME COLUMN name TO full_name;\n");
  std::optional<LintResult> result;
  {
    auto request = std::make_unique<LintRequest>();
    request->paths = {(dir.path() / "migrations").string()};
    request->rules.select = {"rename-column"};
    request->jobs = 2;
    result = run_lint(*request);
  }
  REQUIRE(result->diagnostics.size() == 1);
  CHECK(result->diagnostics[0].rule.str() == "rename-column");
  CHECK_FALSE(result->retired.empty());
  const std::weak_ptr<const void> catalog_holder = result->retired.front();
  CHECK_FALSE(catalog_holder.expired());
  LintResult moved = std::move(*result);  // as the CLI hands it over at its end
  result.reset();
  CHECK_FALSE(catalog_holder.expired());
  moved = LintResult();
  CHECK(catalog_holder.expired());
}
