// Runner profiles: recognising a migration directory's runner, its transaction and send semantics,
// up/down parts, templating placeholders. Scenario directories live in testdata/migrations/<runner>/
// (the name, up to an optional "-suffix", is the runner every file must be linted for); their
// `-- expect: RULE LINE:COL` comments list every finding of the transaction rules and of the rules
// they name (the `<runner>-rollback` scenarios name the rollback rules); `-- zdlint-test: runner=NAME`
// sets the runner as --runner would.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <filesystem>
#include <memory>
#include <set>
#include <sstream>

#include "analyzer/directory_listing.h"
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

// The runner a fresh detector recognises for `text` written at `relative` under `dir`, or "none".
std::string detected_runner(const test::TempDir& dir, const std::string& relative, const std::string& text) {
  const fs::path path = dir.write(relative, text);
  RunnerDetector detector;
  const RunnerProfile* runner = detector.detect(path.native(), text);
  return runner ? std::string(runner->name) : std::string("none");
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
  CHECK(scenarios >= 24);
}

TEST_CASE("runners: for a file near the root, the root is listed, and none of the system's directories") {
  // postgres-migrations is recognised by its marker in the files of a directory or of the ones
  // directly in it; below the root those would be /proc, /usr, /etc, … Only "/" itself is read.
  const auto listings = std::make_shared<DirectoryListings>();
  RunnerDetector detector(listings);
  CHECK(detector.detect("/zdlint-test-0001_x.sql", "SELECT 1;\n") == nullptr);
  REQUIRE_FALSE(listings->all().empty());
  for (const auto& [directory, listing] : listings->all()) CHECK(directory == "/");
}

TEST_CASE("runners: recognised from the file's markup, the directory's marker files and the file's name") {
  const test::TempDir dir;
  const auto detect = [&](const std::string& relative, const std::string& text) {
    return detected_runner(dir, relative, text);
  };
  CHECK(detect("a/00001_x.sql", "-- +goose Up\nSELECT 1;\n") == "goose");
  CHECK(detect("b/20240101_x.sql", "-- migrate:up\nSELECT 1;\n") == "dbmate");
  CHECK(detect("c/1_x.sql", "-- Up Migration\nSELECT 1;\n") == "node-pg-migrate");
  CHECK(detect("d/changelog.sql", "--liquibase formatted sql\n--changeset a:1\nSELECT 1;\n") == "liquibase");
  CHECK(detect("e/001_x.sql", "SELECT 1;\n---- create above / drop below ----\n") == "tern");
  CHECK(detect("f/1_x.up.sql", "SELECT 1;\n") == "golang-migrate");
  CHECK(detect("g/1_x.up.sql", "-- no-transaction\nSELECT 1;\n") == "sqlx");
  CHECK(detect("h/20240101000000_x/migration.sql", "SELECT 1;\n") == "prisma");
  CHECK(detect("h/20250625_x/migration.sql", "SELECT 1;\n") == "prisma");
  CHECK(detect("j/00000000000000_diesel_initial_setup/up.sql", "SELECT 1;\n") == "diesel");
  CHECK(detect("i/V1.2__x.sql", "SELECT 1;\n") == "flyway");
  CHECK(detect("j/2024-01-01-000000_x/up.sql", "SELECT 1;\n") == "diesel");
  CHECK(detect("k/1_x.autocommit.up.sql", "SELECT 1;\n") == "popx");
  dir.write("l/atlas.sum", "h1:x\n");
  CHECK(detect("l/20240101_x.sql", "SELECT 1;\n") == "atlas");
  dir.write("m/sqitch.plan", "%project=x\n");
  CHECK(detect("m/deploy/x.sql", "BEGIN;\nSELECT 1;\nCOMMIT;\n") == "sqitch");
  CHECK(detect("n/schema.sql", "CREATE TABLE t (id int);\n") == "none");
  // psql scripts: a meta-command, pg_dump's output, hand-applied files beside their downgrades
  CHECK(detect("o/setup.sql", "\\set ON_ERROR_STOP on\nSELECT 1;\n") == "psql");
  CHECK(detect("o2/setup.sql", "SELECT '\\set';\n-- \\i x.sql\n") == "none");  // in a string, a comment
  CHECK(detect("p/dump.sql", "SET lock_timeout = 0;\nSELECT pg_catalog.set_config('search_path', '', false);\n") ==
        "psql");
  dir.write("q/downgrade_0002---0001.sql", "SELECT 1;\n");
  CHECK(detect("q/schema_0002-x.sql", "SELECT 1;\n") == "psql");
  // the corpus's own migrators and yoyo's headers
  CHECK(detect("r/V0001.Initial_Schema.up.sql", "SELECT 1;\n") == "authelia");
  CHECK(detect("s/atc/db/migration/migrations/1510262030_x.up.sql", "SELECT 1;\n") == "concourse");
  CHECK(detect("t/1510262030_x.up.sql", "SELECT 1;\n") == "golang-migrate");
  CHECK(detect("u/0001_x.sql", "-- depends: 0000_base\nSELECT 1;\n") == "yoyo");
  dir.write("v/tenant/0002-y.sql", "-- postgres-migrations disable-transaction\nSELECT 1;\n");
  CHECK(detect("v/tenant/0001-x.sql", "SELECT 1;\n") == "postgres-migrations");
  CHECK(detect("v/other/0001-x.sql", "SELECT 1;\n") == "postgres-migrations");  // a sibling database's
  // postgres-migrations refuses a file not named by an integer id: such a file's marker is not its
  dir.write("v2/db/schema.sql", "-- postgres-migrations disable-transaction\nSELECT 1;\n");
  CHECK(detect("v2/db/0001-x.sql", "SELECT 1;\n") == "none");
  dir.write("v3/db/-1_base.sql", "-- postgres-migrations disable-transaction\nSELECT 1;\n");
  CHECK(detect("v3/db/0001-x.sql", "SELECT 1;\n") == "postgres-migrations");
  dir.write("w/common/delta/1/x.sql", "SELECT 1;\n");
  dir.write("w/common/full_schemas/1/full.sql", "SELECT 1;\n");
  CHECK(detect("w/common/delta/2/01_y.sql", "SELECT 1;\n") == "synapse");
  dir.write("x/versioned/v1.0/manifest.json", R"({"SchemaUpdateCqlFiles": ["a.sql"]})");
  CHECK(detect("x/versioned/v1.0/a.sql", "SELECT 1;\n") == "temporal-sql-tool");
  CHECK(detect("x/schema.sql", "SELECT 1;\n") == "temporal-sql-tool");
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
  // sqlx asks whether the text starts with it, and reads a byte order mark as part of the text
  CHECK(plan("sqlx", "1_x.up.sql", "\xEF\xBB\xBF-- no-transaction\nSELECT 1;\n").runner_transaction);
  CHECK_FALSE(plan("popx", "1_x.autocommit.up.sql", "SELECT 1;\n").runner_transaction);
  CHECK_FALSE(plan("golang-migrate", "1_x.up.sql", "SELECT 1;\n").runner_transaction);
  CHECK(plan("node-pg-migrate", "1_x.sql", "-- Up Migration\nSELECT 1;\n").runner_transaction);
  CHECK_FALSE(plan("postgres-migrations", "2-x.sql", "-- postgres-migrations disable-transaction\nSELECT 1;\n")
                  .runner_transaction);
  // postgres-migrations 5 looks for its marker anywhere in the file, not only at its start
  CHECK_FALSE(plan("postgres-migrations", "2-x.sql", "SELECT 1;\n-- postgres-migrations disable-transaction\n")
                  .runner_transaction);
  CHECK_FALSE(plan("postgres-migrations", "2-x.sql", "\xEF\xBB\xBF-- postgres-migrations disable-transaction\n")
                  .runner_transaction);
  CHECK(plan("postgres-migrations", "2-x.sql", "SELECT 1;\n-- postgres-migrations DISABLE-transaction\n")
            .runner_transaction);  // as JavaScript's includes(), case matters
  CHECK(plan("concourse", "1_x.up.sql", "SELECT 1;\n").runner_transaction);
  CHECK_FALSE(plan("temporal-sql-tool", "x.sql", "SELECT 1;\n").runner_transaction);

  const std::string goose = "-- +goose Up\nSELECT 1;\n  -- +goose Down\nSELECT 2;\n";
  REQUIRE(plan("goose", "1_x.sql", goose).down_parts.size() == 1);
  CHECK(plan("goose", "1_x.sql", goose).down_parts[0].begin == goose.find("  -- +goose Down"));  // its line
  CHECK(plan("goose", "1_x.sql", goose).down_parts[0].end == goose.size());
  // not at a line start
  CHECK(plan("goose", "1_x.sql", "-- +goose Up\nSELECT '-- +goose Down';\n").down_parts.empty());

  // dbmate: several up/down pairs in one file; each down part ends where the next up part begins
  const std::string dbmate = "-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 2;\n-- migrate:up\nSELECT 3;\n"
                             "-- migrate:down\nSELECT 4;\n";
  const FilePlan sections = plan("dbmate", "1_x.sql", dbmate);
  REQUIRE(sections.down_parts.size() == 2);
  CHECK(sections.down_parts[0].begin == dbmate.find("-- migrate:down"));
  CHECK(sections.down_parts[0].end == dbmate.find("-- migrate:up", 1));
  CHECK(sections.down_parts[1].begin == dbmate.rfind("-- migrate:down"));
  CHECK(sections.down_parts[1].end == dbmate.size());
  CHECK_FALSE(sections.in_down_part(static_cast<uint32_t>(dbmate.find("SELECT 3"))));
  CHECK(sections.in_down_part(static_cast<uint32_t>(dbmate.find("SELECT 4"))));

  CHECK(is_down_file("m/1_x.down.sql"));
  CHECK(is_down_file("m/2024-01-01-000000_x/down.sql"));
  CHECK(is_down_file("m/U2__undo.sql"));
  CHECK(is_down_file("m/revert/add_users.sql"));
  CHECK_FALSE(is_down_file("m/1_x.up.sql"));
  CHECK_FALSE(is_down_file("m/V2__update_downloads.sql"));

  // popx files for another database never run on PostgreSQL
  CHECK(is_other_dialect_file("m/20240101000000000000_x.mysql.up.sql"));
  CHECK(is_other_dialect_file("m/20240101000000000000_x.cockroach.autocommit.up.sql"));
  CHECK(is_other_dialect_file("m/20240101000000000000_x.sqlite3.down.sql"));
  CHECK_FALSE(is_other_dialect_file("m/20240101000000000000_x.postgres.up.sql"));
  CHECK_FALSE(is_other_dialect_file("m/20240101000000000000_x.autocommit.up.sql"));
  CHECK_FALSE(is_other_dialect_file("m/20240101000000000000_x.up.sql"));
  CHECK_FALSE(is_other_dialect_file("m/V3__move_to.mysql.up.sql"));  // not pop's name: no version_ prefix
}

TEST_CASE("runners: markers as each runner's own parser reads them: spacing, case, CRLF, position") {
  const auto plan = [](std::string_view runner, const std::string& text) {
    return plan_file(find_runner(runner), "1_x.sql", text);
  };
  const auto down_begins = [&](std::string_view runner, const std::string& text) {
    const FilePlan p = plan(runner, text);
    return p.down_parts.empty() ? std::string("none") : std::to_string(p.down_parts.front().begin);
  };
  const test::TempDir dir;
  const auto detect = [&](const std::string& relative, const std::string& text) {
    return detected_runner(dir, relative, text);
  };

  // goose: an annotation is a "--" line holding "+goose", read without its dashes, any spacing,
  // the annotation in any case; "+GOOSE" is no annotation, only a comment.
  const std::string goose_tight = "--+goose Up\nSELECT 1;\n--+goose Down\nSELECT 2;\n";
  CHECK(detect("g1/00001_x.sql", goose_tight) == "goose");
  CHECK(down_begins("goose", goose_tight) == std::to_string(goose_tight.find("--+goose Down")));
  const std::string goose_wide = "-- +goose Up\nSELECT 1;\n-- +goose  down\nSELECT 2;\n";
  CHECK(down_begins("goose", goose_wide) == std::to_string(goose_wide.find("-- +goose  down")));
  const std::string goose_crlf = "-- +goose Up\r\nSELECT 1;\r\n-- +goose Down\r\nSELECT 2;\r\n";
  CHECK(down_begins("goose", goose_crlf) == std::to_string(goose_crlf.find("-- +goose Down")));
  CHECK(down_begins("goose", "-- +goose Up\nSELECT 1;\n-- +GOOSE DOWN\nSELECT 2;\n") == "none");
  CHECK_FALSE(plan("goose", "-- +goose  NO TRANSACTION\n-- +goose Up\nSELECT 1;\n").runner_transaction);
  CHECK_FALSE(plan("goose", "--+goose no transaction\n-- +goose Up\nSELECT 1;\n").runner_transaction);
  CHECK(plan("goose", "-- +goose Up\nSELECT '-- +goose NO TRANSACTION';\n").runner_transaction);  // not a "--" line

  // dbmate: /^--\s*migrate:up(\s*$|\s+\S+)/, and options are whole `key:value` words.
  const std::string dbmate_tight = "--migrate:up\nSELECT 1;\n--migrate:down\nSELECT 2;\n";
  CHECK(detect("d1/20240101_x.sql", dbmate_tight) == "dbmate");
  CHECK(down_begins("dbmate", dbmate_tight) == std::to_string(dbmate_tight.find("--migrate:down")));
  CHECK_FALSE(plan("dbmate", "--migrate:up transaction:false\nSELECT 1;\n--migrate:down\n").runner_transaction);
  CHECK(plan("dbmate", "-- migrate:up transaction:False\nSELECT 1;\n-- migrate:down\n").runner_transaction);
  CHECK(plan("dbmate", "-- migrate:up notransaction:false\nSELECT 1;\n-- migrate:down\n").runner_transaction);
  CHECK_FALSE(plan("dbmate", "-- migrate:up transaction:false\r\nSELECT 1;\r\n-- migrate:down\r\n").runner_transaction);

  // node-pg-migrate: /^\s*--[\s-]*down\s+migration/im; a down marker first ends at the up marker,
  // and without an up marker the whole file is the up migration.
  const std::string npm_tight = "--Up Migration\nSELECT 1;\n---- Down  Migration ----\nSELECT 2;\n";
  CHECK(detect("n1/1_x.sql", npm_tight) == "node-pg-migrate");
  CHECK(down_begins("node-pg-migrate", npm_tight) == std::to_string(npm_tight.find("---- Down")));
  const std::string npm_reversed = "-- Down Migration\nDROP TABLE t;\n-- Up Migration\nCREATE TABLE t ();\n";
  const FilePlan reversed = plan("node-pg-migrate", npm_reversed);
  REQUIRE(reversed.down_parts.size() == 1);
  CHECK(reversed.down_parts[0].begin == 0);
  CHECK(reversed.down_parts[0].end == npm_reversed.find("-- Up Migration"));
  CHECK_FALSE(reversed.in_down_part(static_cast<uint32_t>(npm_reversed.find("CREATE"))));
  CHECK(down_begins("node-pg-migrate", "CREATE TABLE t ();\n-- Down Migration\nDROP TABLE t;\n") == "none");

  // tern: the split is the exact text anywhere; disable-tx is the whole line of the up part, and
  // Go's `$` does not match before "\r\n".
  CHECK(down_begins("tern", "SELECT 1;\n---- Create Above / Drop Below ----\nSELECT 2;\n") == "none");
  const FilePlan tern_lf = plan("tern", "---- tern: disable-tx ----\nCREATE INDEX CONCURRENTLY i ON t (a);\n");
  CHECK_FALSE(tern_lf.runner_transaction);
  CHECK(tern_lf.send == SendMode::Split);
  const FilePlan tern_crlf = plan("tern", "---- tern: disable-tx ----\r\nCREATE INDEX CONCURRENTLY i ON t (a);\r\n");
  CHECK(tern_crlf.runner_transaction);
  CHECK(tern_crlf.send == SendMode::OneString);
  CHECK_FALSE(plan("tern",
                   "CREATE INDEX CONCURRENTLY i ON t (a);\r\n---- tern: disable-tx ----\r\n"
                   "---- create above / drop below ----\r\nDROP INDEX i;\r\n")
                  .runner_transaction);  // the last line of the up part, which tern trims
  CHECK(plan("tern", "---- tern: disable-tx ---- \nCREATE INDEX CONCURRENTLY i ON t (a);\n").runner_transaction);
  CHECK(plan("tern",
             "CREATE TABLE t (a int);\n---- create above / drop below ----\n---- tern: disable-tx ----\n"
             "DROP TABLE t;\n")
            .runner_transaction);  // the down part's own

  // graphile-migrate: the body's first line, after the headers.
  const std::string header = "--! Previous: -\n--! Hash: sha1:0\n\n";
  CHECK(plan("graphile-migrate",
             header + "-- index the titles\n--! no-transaction\nCREATE INDEX CONCURRENTLY i ON t (a);\n")
            .runner_transaction);
  CHECK_FALSE(plan("graphile-migrate", header + "--!no-transaction\nCREATE INDEX CONCURRENTLY i ON t (a);\n")
                  .runner_transaction);
  CHECK_FALSE(plan("graphile-migrate", header + "\n\n--! no-transaction\nCREATE INDEX CONCURRENTLY i ON t (a);\n")
                  .runner_transaction);
  CHECK(plan("graphile-migrate", header + "--! no-transactions\nSELECT 1;\n").runner_transaction);

  // yoyo: the leading comment lines only, any spacing around the colon, the value in any case.
  CHECK_FALSE(plan("yoyo", "--transactional:false\nCREATE INDEX CONCURRENTLY i ON t (a);\n").runner_transaction);
  CHECK_FALSE(plan("yoyo", "-- depends: 0001\r\n-- transactional : FALSE\r\nSELECT 1;\r\n").runner_transaction);
  CHECK(plan("yoyo", "CREATE TABLE t (a int);\n-- transactional: false\nSELECT 1;\n").runner_transaction);

  // Atlas: the comment lines that open the file, a blank line below them.
  CHECK(plan("atlas", "-- atlas:txmode none\nCREATE INDEX CONCURRENTLY i ON t (a);\n").runner_transaction);
  CHECK_FALSE(plan("atlas", "-- atlas:txmode none\n\nCREATE INDEX CONCURRENTLY i ON t (a);\n").runner_transaction);
  CHECK_FALSE(plan("atlas", "--atlas:txmode  none\n\nCREATE INDEX CONCURRENTLY i ON t (a);\n").runner_transaction);
  CHECK(plan("atlas", "-- atlas:txmode none\r\n\r\nCREATE INDEX CONCURRENTLY i ON t (a);\r\n").runner_transaction);
  CHECK(plan("atlas", "CREATE TABLE t (a int);\n-- atlas:txmode none\n\nSELECT 1;\n").runner_transaction);
  CHECK(plan("atlas", "-- atlas:txmode file\n\nSELECT 1;\n").runner_transaction);

  // Markup the runner does not read is named, so the finding can say why the transaction is on.
  CHECK(plan("atlas", "-- atlas:txmode none\nCREATE INDEX CONCURRENTLY i ON t (a);\n")
            .unread_opt_out.find("blank line") != std::string_view::npos);
  CHECK(plan("tern", "---- tern: disable-tx ----\r\nCREATE INDEX CONCURRENTLY i ON t (a);\r\n")
            .unread_opt_out.starts_with("tern reads"));
  CHECK(plan("dbmate", "-- migrate:up transaction:False\nSELECT 1;\n").unread_opt_out.starts_with("dbmate"));
  CHECK(plan("atlas", "-- atlas:txmode none\n\nSELECT 1;\n").unread_opt_out.empty());      // read: no transaction
  CHECK(plan("atlas", "CREATE INDEX CONCURRENTLY i ON t (a);\n").unread_opt_out.empty());  // nowhere in the file
  CHECK(plan("goose", "-- +goose Up\nSELECT 1;\n").unread_opt_out.empty());

  // Liquibase: the first line that is not blank, /^\s*--\s*liquibase\s*formatted.*/i.
  CHECK(detect("l1/changelog.sql", "-- liquibase formatted sql\n--changeset a:1\nSELECT 1;\n") == "liquibase");
  CHECK(detect("l2/V1__x.sql", "\n--Liquibase Formatted SQL\r\n--changeset a:1\r\nSELECT 1;\r\n") == "liquibase");
}

TEST_CASE("runners: Flyway's transaction, turned off by <file>.sql.conf or by a non-transactional statement") {
  const test::TempDir dir;
  const fs::path migration = dir.write("sql/V2__backfill.sql", "SELECT 1;\n");
  CHECK(plan_file(find_runner("flyway"), migration.native(), "SELECT 1;\n").runner_transaction);
  dir.write("sql/V2__backfill.sql.conf", "# script configuration\nexecuteInTransaction = false\n");
  CHECK_FALSE(plan_file(find_runner("flyway"), migration.native(), "SELECT 1;\n").runner_transaction);

  // Flyway itself leaves a file holding CREATE INDEX CONCURRENTLY outside its transaction; the others
  // run in one, so the DDL's lock is held through the backfill.
  dir.write("flyway/V1__create.sql", "CREATE TABLE t (id int, a text, b text);\n");
  dir.write("flyway/V2__index.sql", "CREATE INDEX CONCURRENTLY t_a_idx ON t (a);\n");
  dir.write("flyway/V3__add.sql", "ALTER TABLE t ADD COLUMN c text;\nUPDATE t SET c = a WHERE id < 100;\n");
  LintRequest request;
  request.paths = {(dir.path() / "flyway").string()};
  const LintResult result = run_lint(request);
  std::set<std::string> found;
  for (const auto& d : result.diagnostics)
    found.insert(fmt::format("{} {}", fs::path(result.files.at(d.file).path).filename().string(), d.rule.str()));
  CHECK_FALSE(found.contains("V2__index.sql concurrently-in-transaction"));
  CHECK(found.contains("V3__add.sql backfill-in-ddl-transaction"));
}

TEST_CASE("runners: a lock held by PostgreSQL's implicit transaction is not said to be the runner's") {
  const test::TempDir dir;
  dir.write("m/1_create.up.sql", "CREATE TABLE t (id int, a text);\n");
  dir.write("m/2_add.up.sql", "ALTER TABLE t ADD COLUMN b text;\nUPDATE t SET b = a WHERE id < 100;\n");
  LintRequest request;
  request.paths = {(dir.path() / "m").string()};
  const LintResult result = run_lint(request);
  size_t checked = 0;
  for (const auto& d : result.diagnostics) {
    if (d.rule.str() != "backfill-in-ddl-transaction" && d.rule.str() != "long-lock-window") continue;
    CAPTURE(d.message.str());
    CHECK(d.message.view().find("which PostgreSQL runs as one implicit transaction") != std::string::npos);
    CHECK(d.message.view().find("the runner commits") == std::string::npos);
    ++checked;
  }
  CHECK(checked == 2);
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
