// zdlint-ignore directives: which findings they suppress, what LintResult keeps of them, and when
// invalid-ignore and unused-ignore are reported. The per-rule cases are in testdata/rules/.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "analyzer/engine.h"
#include "analyzer/suppression.h"
#include "tests/test_support.h"

using namespace zdlint;

namespace {

struct Run {
  LintResult result;
  [[nodiscard]] size_t count(std::string_view rule) const {
    return static_cast<size_t>(std::count_if(result.diagnostics.begin(), result.diagnostics.end(),
                                             [&](const Diagnostic& d) { return d.rule.str() == rule; }));
  }
  [[nodiscard]] size_t suppressed(std::string_view rule) const {
    return static_cast<size_t>(std::count_if(result.suppressed.begin(), result.suppressed.end(),
                                             [&](const Diagnostic& d) { return d.rule.str() == rule; }));
  }
  [[nodiscard]] uint32_t line_of(std::string_view rule) const {
    for (const auto& d : result.diagnostics)
      if (d.rule.str() == rule) return result.files.at(d.file).source->line_of(d.range.begin);
    return 0;
  }
};

Run lint(const std::string& sql, std::set<std::string, std::less<>> select = {}, bool streaming = false) {
  test::TempDir dir;
  LintRequest request;
  request.paths = {dir.write("migration.sql", sql).string()};
  request.rules.select = std::move(select);
  if (streaming) request.parse.streaming_threshold_bytes = 0;
  return {run_lint(request)};
}

constexpr std::string_view kRename = "rename-column";
constexpr std::string_view kUnused = "unused-ignore";
constexpr std::string_view kInvalid = "invalid-ignore";

}  // namespace

TEST_CASE("directive parsing") {
  const auto parse = [](std::string text) { return parse_ignore_directive(Comment{{0, 1}, std::move(text)}); };
  SUBCASE("rules and reason") {
    const auto p = parse("zdlint-ignore rename-column,set-not-null  rename-column : a reason: with a colon");
    REQUIRE(p.directive);
    CHECK(p.problems.empty());
    CHECK_FALSE(p.directive->file_wide);
    CHECK(p.directive->rules == std::vector<std::string_view>{"rename-column", "set-not-null"});
    CHECK(p.directive->reason == "a reason: with a colon");
  }
  SUBCASE("file-wide") {
    const auto p = parse("zdlint-ignore-file vacuum-full: maintenance window");
    REQUIRE(p.directive);
    CHECK(p.directive->file_wide);
  }
  SUBCASE("not a directive") {
    for (const char* text : {"zdlint-ignored on purpose", "see zdlint-ignore", "expect: rename-column 1:1"}) {
      const auto p = parse(text);
      CHECK_FALSE(p.directive);
      CHECK(p.problems.empty());
    }
  }
  SUBCASE("malformed") {
    CHECK(parse("zdlint-ignore rename-column").problems.size() == 1);
    CHECK_FALSE(parse("zdlint-ignore rename-column").directive);
    CHECK_FALSE(parse("zdlint-ignore rename-column:   ").directive);
    CHECK(parse("zdlint-ignore: why").problems.size() == 1);
    CHECK(parse("zdlint-ignore-all rename-column: why").problems.size() == 1);
    const auto typo = parse("zdlint-ignore renaming-column, rename-column: why");
    CHECK(typo.problems.size() == 1);
    REQUIRE(typo.directive);  // the known id still applies
    CHECK(typo.directive->rules == std::vector<std::string_view>{"rename-column"});
  }
}

TEST_CASE("suppressed findings are kept with the directive's reason") {
  for (const bool streaming : {false, true}) {
    CAPTURE(streaming);
    const std::string sql =
        "SET lock_timeout = '2s';\n"
        "-- zdlint-ignore rename-column: titel is new\n"
        "ALTER TABLE projects RENAME COLUMN titel TO title;\n"
        "ALTER TABLE projects RENAME COLUMN a TO b;\n";
    const Run run = lint(sql, {}, streaming);
    CHECK(run.count(kRename) == 1);
    CHECK(run.line_of(kRename) == 4);
    REQUIRE(run.suppressed(kRename) == 1);
    const Diagnostic& s = run.result.suppressed.front();
    REQUIRE(s.suppression);
    CHECK(s.suppression->reason == "titel is new");
    CHECK_FALSE(s.suppression->file_wide);
    CHECK(sql.substr(s.suppression->directive.begin, s.suppression->directive.size()) ==
          "-- zdlint-ignore rename-column: titel is new");
    CHECK(run.count(kUnused) == 0);
    CHECK(std::none_of(run.result.diagnostics.begin(), run.result.diagnostics.end(),
                       [](const Diagnostic& d) { return d.suppression.has_value(); }));
  }
}

TEST_CASE("a file-wide directive anywhere, in either comment style, and streamed files") {
  for (const bool streaming : {false, true}) {
    CAPTURE(streaming);
    const Run run = lint(
        "SET lock_timeout = '2s';\n"
        "ALTER TABLE projects RENAME COLUMN a TO b;\n"
        "ALTER TABLE projects RENAME COLUMN c TO d;\n"
        "/* zdlint-ignore-file rename-column:\n   both columns are new in this release */\n",
        {}, streaming);
    CHECK(run.count(kRename) == 0);
    CHECK(run.suppressed(kRename) == 2);
    CHECK(run.result.suppressed.front().suppression->file_wide);
    CHECK(run.result.suppressed.front().suppression->reason == "both columns are new in this release");
    CHECK(run.count(kUnused) == 0);
  }
}

TEST_CASE("a directive before a DO block covers its PL/pgSQL statements") {
  const std::string body = "DO $$\nBEGIN\n  ALTER TABLE projects RENAME COLUMN a TO b;\nEND\n$$;\n";
  const Run plain = lint("SET lock_timeout = '2s';\n" + body);
  REQUIRE(plain.count(kRename) == 1);  // the rule does see inside the block
  const Run run = lint("SET lock_timeout = '2s';\n-- zdlint-ignore rename-column: a is new\n" + body);
  CHECK(run.count(kRename) == 0);
  CHECK(run.suppressed(kRename) == 1);
  CHECK(run.count(kUnused) == 0);
}

TEST_CASE("a directive covers only its own statement") {
  const Run run = lint(
      "SET lock_timeout = '2s';\n"
      "ALTER TABLE projects RENAME COLUMN a TO b; -- zdlint-ignore rename-column: a is new\n"
      "ALTER TABLE projects RENAME COLUMN c TO d;\n");
  CHECK(run.count(kRename) == 1);
  CHECK(run.line_of(kRename) == 3);
}

TEST_CASE("a directive inside a multi-line statement covers it") {
  const Run run = lint(
      "SET lock_timeout = '2s';\n"
      "ALTER TABLE projects -- zdlint-ignore rename-column: a is new\n"
      "  RENAME COLUMN a TO b;\n");
  CHECK(run.count(kRename) == 0);
  CHECK(run.suppressed(kRename) == 1);
  CHECK(run.count(kUnused) == 0);
}

TEST_CASE("a finding under several directives: the statement's first explains it, each is used") {
  const std::string sql =
      "SET lock_timeout = '2s';\n"
      "-- zdlint-ignore-file rename-column: the file's reason\n"
      "-- zdlint-ignore rename-column: the leading reason\n"
      "ALTER TABLE projects -- zdlint-ignore rename-column: the inner reason\n"
      "  RENAME COLUMN a TO b; -- zdlint-ignore rename-column: the trailing reason\n"
      "-- zdlint-ignore rename-column: the next statement's reason\n"
      "ALTER TABLE projects RENAME COLUMN c TO d;\n"
      "ALTER TABLE projects RENAME COLUMN e TO f;\n";
  const Run run = lint(sql);
  CHECK(run.count(kRename) == 0);
  REQUIRE(run.suppressed(kRename) == 3);
  std::vector<std::string> reasons;
  for (const Diagnostic& d : run.result.suppressed) reasons.push_back(d.suppression->reason);
  CHECK(reasons == std::vector<std::string>{"the leading reason", "the next statement's reason", "the file's reason"});
  CHECK(run.count(kUnused) == 0);
}

TEST_CASE("a directive whose target reaches over a shorter one still covers what follows that one") {
  // Statement targets may overlap (a leading directive's reaches from its comment to its statement's
  // end, over a statement the parser rejected between them): the wide target below spans the narrow
  // one, and the finding at byte 250 lies after the narrow one's end but within the wide one.
  Statement wide;
  wide.range = {100, 300};
  wide.leading_comments = {{{40, 90}, "zdlint-ignore rename-column: the wide reason"}};
  Statement narrow;
  narrow.range = {150, 160};
  narrow.trailing_comments = {{{161, 200}, "zdlint-ignore create-index-non-concurrent: the narrow reason"}};
  FileSuppressions file;
  file.add_statement(wide, "");
  file.add_statement(narrow, "");
  std::vector<Diagnostic> diagnostics(3);
  diagnostics[0].rule = RuleId(kRename);
  diagnostics[0].range = {250, 260};
  diagnostics[1].rule = RuleId("create-index-non-concurrent");
  diagnostics[1].range = {150, 160};
  diagnostics[2].rule = RuleId("create-index-non-concurrent");
  diagnostics[2].range = {250, 260};  // outside the narrow target: kept
  std::vector<Diagnostic> suppressed;
  file.finish(0, 0, diagnostics, suppressed, {.rule_ran = [](std::string_view) { return true; }});
  REQUIRE(suppressed.size() == 2);
  CHECK(suppressed[0].suppression->reason == "the wide reason");
  CHECK(suppressed[1].suppression->reason == "the narrow reason");
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].range.begin == 250);
  CHECK(diagnostics[0].rule.str() == "create-index-non-concurrent");
}

TEST_CASE("a directive before a statement the parser rejects suppresses its syntax error") {
  const Run run =
      lint("SELECT 1;\n-- zdlint-ignore syntax-error: rendered by the runner\nCREATE TABLE t (id int,);\n");
  CHECK(run.count("syntax-error") == 0);
  CHECK(run.suppressed("syntax-error") == 1);
  CHECK(run.count(kUnused) == 0);
}

TEST_CASE("unused-ignore judges only the rules that ran") {
  const std::string sql =
      "-- zdlint-ignore rename-column, vacuum-full: nothing to suppress\n"
      "CREATE TABLE t (id int);\n";
  CHECK(lint(sql).count(kUnused) == 1);
  CHECK(lint(sql, {"unused-ignore"}).count(kUnused) == 0);
  const Run one = lint(sql, {"unused-ignore", "vacuum-full"});
  REQUIRE(one.count(kUnused) == 1);
  CHECK(one.result.diagnostics.front().message.view().find("vacuum-full") != std::string::npos);
  CHECK(one.result.diagnostics.front().message.view().find("rename-column") == std::string::npos);
  CHECK(lint(sql, {"rename-column"}).count(kUnused) == 0);  // unused-ignore itself is off
}

TEST_CASE("unused-ignore and invalid-ignore can be suppressed file-wide") {
  const Run run = lint(
      "-- zdlint-ignore-file unused-ignore, invalid-ignore: directives kept for a rule being rolled out\n"
      "-- zdlint-ignore vacuum-full: nothing to suppress\n"
      "CREATE TABLE t (id int); -- zdlint-ignore vacuum-full\n");
  CHECK(run.count(kUnused) == 0);
  CHECK(run.count(kInvalid) == 0);
  CHECK(run.suppressed(kUnused) == 1);
  CHECK(run.suppressed(kInvalid) == 1);
}

TEST_CASE("a directive without a reason suppresses nothing and is reported") {
  const Run run =
      lint("SET lock_timeout = '2s';\n-- zdlint-ignore rename-column\nALTER TABLE projects RENAME a TO b;\n");
  CHECK(run.count(kRename) == 1);
  CHECK(run.count(kInvalid) == 1);
  CHECK(run.line_of(kInvalid) == 2);
  CHECK(run.count(kUnused) == 0);
  CHECK(lint("-- zdlint-ignore rename-column\nSELECT 1;\n", {"rename-column"}).count(kInvalid) == 0);
}

TEST_CASE("zdlint locks honours directives but reports none of its own") {
  test::TempDir dir;
  LintRequest request;
  request.paths = {
      dir.write("m.sql", "-- zdlint-ignore nothing-such\nSELECT 1;\n-- zdlint-ignore vacuum-full: x\n").string()};
  request.run_rules = false;
  CHECK(run_lint(request).diagnostics.empty());
}

TEST_CASE("diagnostic: a copy has its own fix and suppression") {
  Diagnostic original;
  CHECK_FALSE(original.fix);
  CHECK_FALSE(original.suppression.has_value());
  original.fix = Fix{"Build the index concurrently", false, {{{12, 12}, " CONCURRENTLY"}}};
  original.suppression = Suppression{true, "reviewed", {0, 30}};
  Diagnostic copy = original;
  REQUIRE(copy.fix);
  CHECK(copy.fix->title == "Build the index concurrently");
  CHECK(copy.fix->edits.at(0).replacement == " CONCURRENTLY");
  copy.fix->title = "changed";
  copy.suppression->reason = "changed";
  CHECK(original.fix->title == "Build the index concurrently");  // not shared
  CHECK(original.suppression->reason == "reviewed");
  copy = original;  // assigning copies too
  CHECK(copy.fix->title == "Build the index concurrently");
  copy.fix = std::nullopt;
  CHECK_FALSE(copy.fix);
  CHECK(original.fix);
  const Diagnostic moved = std::move(copy);
  CHECK_FALSE(moved.fix);
  CHECK(moved.suppression->file_wide);
}
