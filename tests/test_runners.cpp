// Runner profiles: recognising a migration directory's runner, its transaction and send semantics,
// up/down parts, templating placeholders. Scenario directories live in testdata/migrations/<runner>/
// (the name, up to an optional "-suffix", is the runner every file must be linted for); their
// `-- expect: RULE LINE:COL` comments list every finding of the transaction rules and of the rules
// they name (the `<runner>-rollback` scenarios name the rollback rules); `-- zdlint-test: runner=NAME`
// sets the runner as --runner would.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <filesystem>
#include <set>
#include <sstream>

#include "analyzer/engine.h"
#include "analyzer/runners.h"
#include "parser/templates.h"
#include "tests/test_support.h"

using namespace zdlint;
namespace fs = std::filesystem;

namespace {

struct Finding {
  std::string file, rule;
  uint32_t line = 0, column = 0;
  auto operator<=>(const Finding&) const = default;
};

std::string describe(const std::set<Finding>& findings) {
  std::string out;
  for (const auto& f : findings) out += fmt::format("\n    {} {} {}:{}", f.file, f.rule, f.line, f.column);
  return out.empty() ? " (none)" : out;
}

// The text after `keyword` in a "-- keyword …" comment line.
std::optional<std::string> directive(const std::string& line, std::string_view keyword) {
  const size_t at = line.find(std::string("-- ") + std::string(keyword));
  if (at == std::string::npos) return std::nullopt;
  return line.substr(at + 3 + keyword.size());
}

const RunnerProfile* expected_runner(const std::string& scenario) {
  const RunnerProfile* best = nullptr;
  for (const auto& profile : runner_profiles())
    if (scenario.starts_with(profile.name) && (!best || profile.name.size() > best->name.size())) best = &profile;
  return best;
}

}  // namespace

TEST_CASE("runners: every scenario is linted as its runner, with exactly the expected findings") {
  const fs::path root = fs::path(test::source_dir()) / "testdata" / "migrations";
  size_t scenarios = 0;
  for (const auto& entry : fs::directory_iterator(root)) {
    if (!entry.is_directory()) continue;
    const std::string scenario = entry.path().filename().string();
    CAPTURE(scenario);
    const RunnerProfile* runner = expected_runner(scenario);
    REQUIRE_MESSAGE(runner, "the scenario's name does not start with a runner's");
    ++scenarios;

    std::set<Finding> expected;
    std::set<std::string> rules{"concurrently-in-transaction", "transaction-nesting", "syntax-error"};
    LintRequest request;
    request.paths = {entry.path().string()};
    for (const auto& file : fs::recursive_directory_iterator(entry.path())) {
      if (file.path().extension() != ".sql") continue;
      std::istringstream lines(test::slurp(file.path()));
      for (std::string line; std::getline(lines, line);) {
        if (const auto setting = directive(line, "zdlint-test: runner=")) request.settings.runner = *setting;
        if (const auto e = directive(line, "expect: ")) {
          std::istringstream fields(*e);
          Finding f{fs::relative(file.path(), entry.path()).string(), "", 0, 0};
          char colon = 0;
          fields >> f.rule >> f.line >> colon >> f.column;
          REQUIRE_MESSAGE(colon == ':', "malformed expectation: ", line);
          expected.insert(f);
          rules.insert(f.rule);
        }
      }
    }
    const LintResult result = run_lint(request);
    REQUIRE_FALSE(result.files.empty());
    for (const auto& file : result.files) {
      CAPTURE(file.path);
      CHECK(file.runner == runner->name);
      // Down migrations stay out of the up replay; a down file is only read for the rollback rules.
      CHECK((file.down || file.path.find("down") == std::string::npos));
      if (file.down) CHECK(file.statements == 0);
    }
    std::set<Finding> actual;
    for (const auto& d : result.diagnostics) {
      if (!rules.contains(std::string(d.rule.str()))) continue;
      const auto& file = result.files.at(d.file);
      const auto at = file.source->position(d.range.begin);
      actual.insert({fs::relative(file.path, entry.path()).string(), std::string(d.rule.str()), at.line,
                     at.column_chars});
    }
    CHECK_MESSAGE(actual == expected, "expected:", describe(expected), "\n  actual:", describe(actual));
  }
  CHECK(scenarios >= 19);
}

TEST_CASE("runners: recognised from the file's markup, the directory's marker files and the file's name") {
  const test::TempDir dir;
  const auto detect = [&](const std::string& relative, const std::string& text) {
    const fs::path path = dir.write(relative, text);
    RunnerDetector detector;
    const RunnerProfile* runner = detector.detect(path, text);
    return runner ? std::string(runner->name) : std::string("none");
  };
  CHECK(detect("a/00001_x.sql", "-- +goose Up\nSELECT 1;\n") == "goose");
  CHECK(detect("b/20240101_x.sql", "-- migrate:up\nSELECT 1;\n") == "dbmate");
  CHECK(detect("c/1_x.sql", "-- Up Migration\nSELECT 1;\n") == "node-pg-migrate");
  CHECK(detect("d/changelog.sql", "--liquibase formatted sql\n--changeset a:1\nSELECT 1;\n") == "liquibase");
  CHECK(detect("e/001_x.sql", "SELECT 1;\n---- create above / drop below ----\n") == "tern");
  CHECK(detect("f/1_x.up.sql", "SELECT 1;\n") == "golang-migrate");
  CHECK(detect("g/1_x.up.sql", "-- no-transaction\nSELECT 1;\n") == "sqlx");
  CHECK(detect("h/20240101000000_x/migration.sql", "SELECT 1;\n") == "prisma");
  CHECK(detect("i/V1.2__x.sql", "SELECT 1;\n") == "flyway");
  CHECK(detect("j/2024-01-01-000000_x/up.sql", "SELECT 1;\n") == "diesel");
  CHECK(detect("k/1_x.autocommit.up.sql", "SELECT 1;\n") == "popx");
  dir.write("l/atlas.sum", "h1:x\n");
  CHECK(detect("l/20240101_x.sql", "SELECT 1;\n") == "atlas");
  dir.write("m/sqitch.plan", "%project=x\n");
  CHECK(detect("m/deploy/x.sql", "BEGIN;\nSELECT 1;\nCOMMIT;\n") == "sqitch");
  CHECK(detect("n/schema.sql", "CREATE TABLE t (id int);\n") == "none");
}

TEST_CASE("runners: opting out of the runner's transaction, and where the down part starts") {
  const auto plan = [](std::string_view runner, const std::string& name, const std::string& text) {
    return plan_file(find_runner(runner), name, text);
  };
  CHECK(plan("goose", "1_x.sql", "-- +goose Up\nSELECT 1;\n").runner_transaction);
  CHECK_FALSE(plan("goose", "1_x.sql", "-- +goose NO TRANSACTION\n-- +goose Up\nSELECT 1;\n").runner_transaction);
  CHECK_FALSE(plan("dbmate", "1_x.sql", "-- migrate:up transaction:false\nSELECT 1;\n").runner_transaction);
  // transaction:false on the down directive only leaves the up part wrapped
  CHECK(plan("dbmate", "1_x.sql", "-- migrate:up\nSELECT 1;\n-- migrate:down transaction:false\n").runner_transaction);
  CHECK_FALSE(plan("sqlx", "1_x.up.sql", "-- no-transaction\nSELECT 1;\n").runner_transaction);
  CHECK(plan("sqlx", "1_x.up.sql", "SELECT 1;\n-- no-transaction\n").runner_transaction);  // first line only
  CHECK_FALSE(plan("popx", "1_x.autocommit.up.sql", "SELECT 1;\n").runner_transaction);
  CHECK_FALSE(plan("golang-migrate", "1_x.up.sql", "SELECT 1;\n").runner_transaction);
  CHECK(plan("node-pg-migrate", "1_x.sql", "-- Up Migration\nSELECT 1;\n").runner_transaction);

  const std::string goose = "-- +goose Up\nSELECT 1;\n  -- +goose Down\nSELECT 2;\n";
  REQUIRE(plan("goose", "1_x.sql", goose).down_begin);
  CHECK(*plan("goose", "1_x.sql", goose).down_begin == goose.find("  -- +goose Down"));  // its line
  CHECK_FALSE(plan("goose", "1_x.sql", "-- +goose Up\nSELECT '-- +goose Down';\n").down_begin);  // not at a line start

  CHECK(is_down_file("m/1_x.down.sql"));
  CHECK(is_down_file("m/2024-01-01-000000_x/down.sql"));
  CHECK(is_down_file("m/U2__undo.sql"));
  CHECK(is_down_file("m/revert/add_users.sql"));
  CHECK_FALSE(is_down_file("m/1_x.up.sql"));
  CHECK_FALSE(is_down_file("m/V2__update_downloads.sql"));
}

TEST_CASE("templates: placeholders are masked in place, names become identifiers, actions spaces") {
  const std::string text = "{{ if .IsPostgreSQL }}\nCREATE TABLE {{ index .Options \"Namespace\" }}.users (x ${type});\n{{ end }}";
  const auto masked = mask_templates(text);
  REQUIRE(masked);
  CHECK(masked->placeholders == 4);
  REQUIRE(masked->text.size() == text.size());
  CHECK(masked->text ==
        "                      \nCREATE TABLE namespace_______________________.users (x type___);\n         ");
  CHECK_FALSE(mask_templates("SELECT '{' || 1;"));
  CHECK_FALSE(mask_templates("SELECT 1 -- nothing to mask\n"));
}

TEST_CASE("templates: a templated file is parsed, not reported as syntax errors, with one note for the run") {
  const test::TempDir dir;
  dir.write("m/1_create.up.sql", "CREATE TABLE {{ index .Options \"Namespace\" }}.users (id bigint);\n");
  dir.write("m/2_index.up.sql", "CREATE INDEX users_id_idx ON {{ index .Options \"Namespace\" }}.users (id);\n");
  const auto run = test::run_zdlint({"--format", "json", (dir.path() / "m").string()});
  CHECK(run.exit_code == 1);
  CHECK(run.out.find("syntax-error") == std::string::npos);
  CHECK(run.out.find("create-index-non-concurrent") != std::string::npos);
  size_t notes = 0;
  for (size_t at = run.err.find("templating placeholders"); at != std::string::npos;
       at = run.err.find("templating placeholders", at + 1))
    ++notes;
  CHECK(notes == 1);
  CHECK(run.err.find("2 in 2 files") != std::string::npos);
}
