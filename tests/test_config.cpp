// .zdlint.toml: parsing and validation (with exact positions), glob matching, discovery by walking
// up, the layering of runner, file, overrides and command line, what the engine does with the
// result, and the CLI (`zdlint config`, --config, exit code 2 on a bad file).
#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "analyzer/engine.h"
#include "config/config.h"
#include "config/config_finder.h"
#include "config/effective.h"
#include "config/path_match.h"
#include "analyzer/runners.h"
#include "config/settings_provider.h"
#include "tests/test_support.h"

namespace zdlint::config {
namespace {

namespace fs = std::filesystem;
using test::run_zdlint;
using test::run_zdlint_in;
using test::TempDir;

ConfigFile parse_ok(std::string_view text, const fs::path& directory = "/project") {
  LoadResult result = parse_config(text, "cfg.toml", directory);
  for (const auto& e : result.errors) FAIL_CHECK(e.to_string());
  REQUIRE(result.config);
  return std::move(*result.config);
}

// A list of strings that doctest prints one per line when a check fails.
struct Lines {
  std::vector<std::string> items;
  friend bool operator==(const Lines&, const Lines&) = default;
};

std::ostream& operator<<(std::ostream& out, const Lines& lines) {
  out << "{\n";
  for (const auto& item : lines.items) out << "  " << item << "\n";
  return out << "}";
}

Lines errors_of(std::string_view text) {
  Lines out;
  for (const auto& e : parse_config(text, "cfg.toml", "/project").errors) out.items.push_back(e.to_string());
  return out;
}

Lines strings(const std::vector<Located<std::string>>& items) {
  Lines out;
  for (const auto& item : items) out.items.push_back(item.value);
  return out;
}

Lines ids(const std::set<std::string, std::less<>>& set) {
  return {{set.begin(), set.end()}};
}

// Each finding as "file:line:column: severity[rule]", the file relative to `root`.
Lines findings(const LintResult& result, const fs::path& root) {
  Lines out;
  for (const auto& d : result.diagnostics) {
    const auto& file = result.files.at(d.file);
    const auto at = file.source->position(d.range.begin);
    out.items.push_back(fs::path(file.path).lexically_relative(root).generic_string() + ":" + std::to_string(at.line) +
                        ":" + std::to_string(at.column_chars) + ": " + std::string(to_string(d.severity)) + "[" +
                        std::string(d.rule.str()) + "]");
  }
  return out;
}

// Lints `paths` (relative to dir) the way `zdlint lint` does, with the nearest config per file.
LintResult lint(const TempDir& dir, const std::vector<std::string>& paths, const CommandLine& command_line = {},
                std::optional<fs::path> config = std::nullopt) {
  SettingsProvider provider(command_line, std::move(config), dir.path());
  LintRequest request;
  for (const auto& p : paths) request.paths.push_back((dir.path() / p).string());
  REQUIRE(provider.preload(request.paths).empty());
  request.settings_for = provider.settings_for();
  return run_lint(request);
}

constexpr std::string_view kEveryKey = R"(pg_version = 13
runner = "goose"
select = ["rename-column", "lock-timeout-too-long"]
ignore = ["cluster"]
assume_in_transaction = false
max_lock_timeout = "1min"
exclude = ["legacy/**", "tmp"]
fail_on = "error"

[severity]
rename-column = "info"
lock-table = "off"

[[overrides]]
paths = ["hot/**/*.sql"]
pg_version = 16
assume_in_transaction = true
select = []
ignore = ["vacuum-full"]
max_lock_timeout = 2500
severity = { cluster = "warning" }
)";

}  // namespace

TEST_CASE("config: every key is read, with the line that set it") {
  const ConfigFile c = parse_ok(kEveryKey);
  CHECK(c.display_path == "cfg.toml");
  CHECK(c.directory == "/project");
  REQUIRE(c.base.pg_version);
  CHECK(c.base.pg_version->value == 13);
  CHECK(c.base.pg_version->line == 1);
  REQUIRE(c.runner);
  CHECK(c.runner->value == "goose");
  CHECK(c.runner->line == 2);
  REQUIRE(c.base.select);
  CHECK(strings(c.base.select->value) == Lines{{"rename-column", "lock-timeout-too-long"}});
  CHECK(c.base.select->line == 3);
  CHECK(strings(c.base.ignore) == Lines{{"cluster"}});
  CHECK(c.base.ignore[0].line == 4);
  REQUIRE(c.base.assume_in_transaction);
  CHECK(c.base.assume_in_transaction->value == false);
  REQUIRE(c.base.max_lock_timeout_ms);
  CHECK(c.base.max_lock_timeout_ms->value == 60'000);
  CHECK(c.base.max_lock_timeout_ms->line == 6);
  CHECK(strings(c.exclude) == Lines{{"legacy/**", "tmp"}});
  REQUIRE(c.fail_on);
  CHECK(c.fail_on->value == "error");
  REQUIRE(c.base.severity.size() == 2);
  CHECK(c.base.severity.at("rename-column").value.severity == Severity::Info);
  CHECK(c.base.severity.at("rename-column").line == 11);
  CHECK(c.base.severity.at("lock-table").value.off());

  REQUIRE(c.overrides.size() == 1);
  const Override& o = c.overrides[0];
  CHECK(o.line == 14);
  CHECK(strings(o.paths) == Lines{{"hot/**/*.sql"}});
  REQUIRE(o.settings.pg_version);
  CHECK(o.settings.pg_version->value == 16);
  REQUIRE(o.settings.assume_in_transaction);
  CHECK(o.settings.assume_in_transaction->value);
  REQUIRE(o.settings.select);
  CHECK(o.settings.select->value.empty());
  CHECK(strings(o.settings.ignore) == Lines{{"vacuum-full"}});
  REQUIRE(o.settings.max_lock_timeout_ms);
  CHECK(o.settings.max_lock_timeout_ms->value == 2500);
  CHECK(o.settings.severity.at("cluster").value.severity == Severity::Warning);
}

TEST_CASE("config: durations in PostgreSQL's units or milliseconds") {
  CHECK(parse_ok("max_lock_timeout = \"5s\"").base.max_lock_timeout_ms->value == 5000);
  CHECK(parse_ok("max_lock_timeout = \"500ms\"").base.max_lock_timeout_ms->value == 500);
  CHECK(parse_ok("max_lock_timeout = \"1min\"").base.max_lock_timeout_ms->value == 60'000);
  CHECK(parse_ok("max_lock_timeout = 750").base.max_lock_timeout_ms->value == 750);
}

TEST_CASE("config: an empty file is valid and sets nothing") {
  const ConfigFile c = parse_ok("# nothing yet\n");
  CHECK_FALSE(c.base.pg_version);
  CHECK_FALSE(c.runner);
  CHECK(c.overrides.empty());
}

TEST_CASE("config: unknown keys are errors at the key, with a suggestion") {
  CHECK(errors_of("pg_verison = 14\n") ==
        Lines{{"cfg.toml:1:1: error: unknown key 'pg_verison'; did you mean 'pg_version'?"}});
  CHECK(errors_of("\n  colour = \"red\"\n") ==
        Lines{{"cfg.toml:2:3: error: unknown key 'colour'; the keys are: pg_version, runner, select, "
               "ignore, severity, assume_in_transaction, max_lock_timeout, exclude, fail_on, "
               "overrides"}});
  CHECK(errors_of("[[overrides]]\npaths = [\"a\"]\nexclude = [\"b\"]\n") ==
        Lines{{"cfg.toml:3:1: error: unknown key 'exclude' in override #1; an override may set: "
               "paths, pg_version, assume_in_transaction, select, ignore, severity, "
               "max_lock_timeout"}});
}

TEST_CASE("config: wrong types are errors at the value") {
  CHECK(errors_of("pg_version = \"14\"\n") ==
        Lines{{"cfg.toml:1:14: error: 'pg_version' must be an integer, not a string"}});
  CHECK(errors_of("assume_in_transaction = \"yes\"\n") ==
        Lines{{"cfg.toml:1:25: error: 'assume_in_transaction' must be a boolean, not a string"}});
  CHECK(errors_of("exclude = \"legacy\"\n") ==
        Lines{{"cfg.toml:1:11: error: 'exclude' must be an array of glob patterns, not a string"}});
  CHECK(errors_of("select = [\"cluster\", 3]\n") ==
        Lines{{"cfg.toml:1:22: error: elements of 'select' must be strings, not an integer"}});
  CHECK(errors_of("max_lock_timeout = 1.5\n") ==
        Lines{{"cfg.toml:1:20: error: 'max_lock_timeout' must be a duration string such as \"5s\" "
               "or an integer number of milliseconds, not a float"}});
  CHECK(errors_of("severity = \"error\"\n") ==
        Lines{{"cfg.toml:1:12: error: 'severity' must be a table of rule id = \"error\" | "
               "\"warning\" | \"info\" | \"off\", not a string"}});
  CHECK(errors_of("overrides = 3\n") ==
        Lines{{"cfg.toml:1:13: error: 'overrides' must be an array of tables ([[overrides]]), not an integer"}});
}

TEST_CASE("config: out-of-range and invalid values") {
  CHECK(errors_of("pg_version = 8\n") == Lines{{"cfg.toml:1:14: error: 'pg_version' must be between 9 and 18, not 8"}});
  CHECK(errors_of("pg_version = 19\n") ==
        Lines{{"cfg.toml:1:14: error: 'pg_version' must be between 9 and 18, not 19"}});
  CHECK(errors_of("max_lock_timeout = \"5 parsecs\"\n") ==
        Lines{{"cfg.toml:1:20: error: 'max_lock_timeout' must be a duration such as \"5s\", "
               "\"500ms\" or \"1min\", or a number of milliseconds, not \"5 parsecs\""}});
  // Found by fuzz_config: a duration too long for an integer (PostgreSQL allows about 24 days).
  const std::string too_long = std::string(60, '8') + "5s";
  CHECK(errors_of("max_lock_timeout = \"" + too_long + "\"\n") ==
        Lines{{"cfg.toml:1:20: error: 'max_lock_timeout' must be a duration such as \"5s\", "
               "\"500ms\" or \"1min\", or a number of milliseconds, not \"" + too_long + "\""}});
  CHECK(errors_of("max_lock_timeout = 0\n") ==
        Lines{{"cfg.toml:1:20: error: 'max_lock_timeout' must be positive, not 0"}});
  CHECK(errors_of("fail_on = \"fatal\"\n") ==
        Lines{{"cfg.toml:1:11: error: 'fail_on' must be \"error\", \"warning\", \"info\" or \"none\", not \"fatal\""}});
  CHECK(errors_of("runner = \"flyaway\"\n") ==
        Lines{{"cfg.toml:1:10: error: unknown runner 'flyaway'; did you mean 'flyway'?"}});
  CHECK(errors_of("exclude = [\"\"]\n") == Lines{{"cfg.toml:1:12: error: empty pattern in 'exclude'"}});
}

TEST_CASE("config: unknown rule names in select, ignore and [severity]") {
  CHECK(errors_of("select = [\"rename-colum\"]\n") ==
        Lines{{"cfg.toml:1:11: error: unknown rule 'rename-colum' in 'select'; did you mean 'rename-column'?"}});
  CHECK(errors_of("ignore = [\"cluster\",\n  \"no-such-rule-at-all\"]\n") ==
        Lines{{"cfg.toml:2:3: error: unknown rule 'no-such-rule-at-all' in 'ignore'; `zdlint rules` lists them all"}});
  CHECK(errors_of("[severity]\nvacum-full = \"error\"\n") ==
        Lines{{"cfg.toml:2:1: error: unknown rule 'vacum-full' in [severity]; did you mean 'vacuum-full'?"}});
}

TEST_CASE("config: bad severities") {
  CHECK(errors_of("[severity]\nrename-column = \"fatal\"\n") ==
        Lines{{"cfg.toml:2:17: error: severity of 'rename-column' must be \"error\", \"warning\", "
               "\"info\" or \"off\", not \"fatal\""}});
  CHECK(errors_of("[severity]\nlock-table = 1\n") ==
        Lines{{"cfg.toml:2:14: error: severity of 'lock-table' must be a string, not an integer"}});
}

TEST_CASE("config: overrides need paths") {
  CHECK(errors_of("[[overrides]]\npg_version = 12\n") ==
        Lines{{"cfg.toml:1:1: error: override #1 has no 'paths': say which files it applies to"}});
  CHECK(errors_of("[[overrides]]\npaths = [\"a\"]\n[[overrides]]\npaths = []\n") ==
        Lines{{"cfg.toml:4:9: error: 'paths' of override #2 is empty: it applies to no file"}});
}

TEST_CASE("config: every error of a file is reported, in file order") {
  CHECK(errors_of("runner = \"flyaway\"\npg_version = 30\n[severity]\nnope = \"error\"\n") ==
        Lines{{
            "cfg.toml:1:10: error: unknown runner 'flyaway'; did you mean 'flyway'?",
            "cfg.toml:2:14: error: 'pg_version' must be between 9 and 18, not 30",
            "cfg.toml:4:1: error: unknown rule 'nope' in [severity]; `zdlint rules` lists them all",
        }});
}

TEST_CASE("config: TOML syntax errors carry toml++'s position") {
  CHECK(errors_of("pg_version = 14\nselect = [\"cluster\",\n") ==
        Lines{{"cfg.toml:2:22: error: Error while parsing array: encountered end-of-file"}});
  CHECK(
      errors_of("pg_version = 14\npg_version = 15\n") ==
      Lines{
          {"cfg.toml:2:14: error: Error while parsing key-value pair: cannot redefine existing integer 'pg_version'"}});
}

TEST_CASE("config: characters toml++ 3.3 cannot test for whitespace are read like any other") {
  // toml++ reaches __builtin_unreachable() on U+00A1..U+0499 in a key or value
  // (fuzz/regressions/config/); the loader shifts them out of its way and back.
  CHECK(errors_of("pg_version = 15\n[severity]\nmissing-lock-tim\xc3\xa9out = \"error\"\n") ==
        Lines{{"cfg.toml:3:17: error: Error while parsing key-value pair: expected '=', saw '\xc3\xa9'"}});
  CHECK(errors_of("pg_version = 1\xca\x8d\n") ==
        Lines{{"cfg.toml:1:15: error: Error while parsing decimal integer: expected digit, saw '\xca\x8d'"}});
  CHECK(errors_of("\xef\xbb\xba \x06\t\t\n") ==
        Lines{{"cfg.toml:1:1: error: Error while parsing root table: expected keys, tables, whitespace or comments, "
               "saw '\xef\xbb\xba'"}});
  CHECK(errors_of("[severity]\n\"\xca\x8d-rule\" = \"error\"\n") ==
        Lines{{"cfg.toml:2:1: error: unknown rule '\xca\x8d-rule' in [severity]; `zdlint rules` lists them all"}});
  const auto result = parse_config(
      "# r\xc3\xa9sum\xc3\xa9\n"
      "exclude = [\"caf\xc3\xa9/**\", 'li\xca\x8dteral/**', \"\"\"x\\\n   \xca\x8dy\"\"\", "
      "\"\xd2\x99\xd2\x9a\xee\xaf\x8b\xe2\xb1\xa0\xe3\x80\x81\xef\xbb\xba\"]\n",
      "cfg.toml", "/project");
  for (const auto& e : result.errors) FAIL_CHECK(e.to_string());
  REQUIRE(result.config);
  REQUIRE(result.config->exclude.size() == 4);
  CHECK(result.config->exclude[0].value == "caf\xc3\xa9/**");
  CHECK(result.config->exclude[1].value == "li\xca\x8dteral/**");
  CHECK(result.config->exclude[2].value == "x\xca\x8dy");  // the backslash ends its line, as TOML says
  // U+0499 (shifted), U+049A (not), U+EBCB (just past what the shift uses), U+2C60, U+3001 and
  // U+FEFA (each from another shifted range).
  CHECK(result.config->exclude[3].value == "\xd2\x99\xd2\x9a\xee\xaf\x8b\xe2\xb1\xa0\xe3\x80\x81\xef\xbb\xba");
  // A private-use character the shift would take for one of its own cannot be read back.
  CHECK(errors_of("exclude = [\"a\xee\x80\x80\"]\n") ==
        Lines{{"cfg.toml:1:14: error: private-use characters U+E000 to U+EBCA cannot be read in a configuration "
               "file"}});
  CHECK(errors_of("exclude = [\"\xee\xaf\x8a\"]\n").items.size() == 1);  // U+EBCA, the last it uses
  // An overlong form of U+00A1 is not UTF-8, and stays an error.
  CHECK(errors_of("exclude = [\"\xe0\x82\xa1\"]\n").items.size() == 1);
}

TEST_CASE("config: a missing --config file") {
  const auto result = load_config("/nonexistent/zdlint.toml", "/nonexistent/zdlint.toml");
  CHECK_FALSE(result.config);
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].to_string() == "/nonexistent/zdlint.toml: error: no such configuration file");
}

TEST_CASE("config: glob patterns") {
  CHECK(path_matches("legacy/**", "legacy/2019/1.sql"));
  CHECK(path_matches("legacy", "legacy/1.sql"));  // a directory covers what is under it
  CHECK(path_matches("legacy/", "legacy/1.sql"));
  CHECK(path_matches("./legacy/*.sql", "legacy/1.sql"));
  CHECK_FALSE(path_matches("legacy/*.sql", "legacy/old/1.sql"));  // * stays in one component
  CHECK(path_matches("**/*.sql", "1.sql"));
  CHECK(path_matches("**/*.sql", "a/b/c/1.sql"));
  CHECK(path_matches("db/**/hot_*.sql", "db/hot_1.sql"));
  CHECK(path_matches("db/**/hot_*.sql", "db/x/y/hot_1.sql"));
  CHECK_FALSE(path_matches("db/**/hot_*.sql", "db/x/cold_1.sql"));
  CHECK(path_matches("m/00?_*.sql", "m/001_init.sql"));
  CHECK_FALSE(path_matches("m/00?_*.sql", "m/0012_init.sql"));
  CHECK(path_matches("m/[0-4]*.sql", "m/3_x.sql"));
  CHECK_FALSE(path_matches("m/[0-4]*.sql", "m/5_x.sql"));
  CHECK(path_matches("m/[!0-4]*.sql", "m/5_x.sql"));
  CHECK_FALSE(path_matches("legacy", "legacy_new/1.sql"));
  CHECK_FALSE(path_matches("1.sql", "sub/1.sql"));  // anchored at the config's directory
  CHECK(path_matches("m/[]x]", "m/]"));             // ']' first in a set belongs to it
  CHECK(path_matches("m/[x", "m/[x"));              // an unclosed '[' is an ordinary character
  // Many stars cost no more than one (a config comes from whoever opens the pull request).
  CHECK_FALSE(path_matches("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b", std::string(200, 'a')));
  CHECK_FALSE(path_matches("**/**/**/**/**/**/**/**/**/**/**/**/x", "a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/y"));
  CHECK(relative_path("/p", "/p/a/b.sql") == "a/b.sql");
  CHECK(relative_path("/p", "/q/b.sql") == std::nullopt);
}

TEST_CASE("config: the nearest .zdlint.toml walking up wins, and --config replaces the walk") {
  const TempDir dir;
  dir.write(".zdlint.toml", "pg_version = 12\n");
  dir.write("db/.zdlint.toml", "pg_version = 14\n");
  dir.write("db/migrations/deep/1.sql", "SELECT 1;\n");
  dir.write("other/1.sql", "SELECT 1;\n");
  ConfigFinder finder(std::nullopt, dir.path());
  const ConfigFile* deep = finder.for_directory(dir.path() / "db" / "migrations" / "deep");
  REQUIRE(deep);
  CHECK(deep->display_path == "db/.zdlint.toml");  // relative to the working directory
  CHECK(deep->base.pg_version->value == 14);
  CHECK(finder.for_directory(dir.path() / "db") == deep);  // loaded once
  const ConfigFile* other = finder.for_directory(dir.path() / "other");
  REQUIRE(other);
  CHECK(other->display_path == ".zdlint.toml");
  CHECK(other->base.pg_version->value == 12);
  CHECK(finder.errors().empty());

  ConfigFinder forced(dir.path() / ".zdlint.toml", dir.path());
  CHECK(forced.for_directory(dir.path() / "db" / "migrations")->base.pg_version->value == 12);
}

TEST_CASE("config: a directory named .zdlint.toml is not a config, and the walk goes on") {
  const TempDir dir;
  dir.write("a/.zdlint.toml/placeholder", "");
  dir.write(".zdlint.toml", "pg_version = 11\n");
  ConfigFinder finder(std::nullopt, dir.path());
  const ConfigFile* found = finder.for_directory(dir.path() / "a");
  REQUIRE(found);
  CHECK(found->base.pg_version->value == 11);
}

TEST_CASE("config: errors of a found file are kept, and it applies as no config") {
  const TempDir dir;
  dir.write("m/.zdlint.toml", "pg_version = 99\n");
  ConfigFinder finder(std::nullopt, dir.path());
  CHECK(finder.for_directory(dir.path() / "m") == nullptr);
  REQUIRE(finder.errors().size() == 1);
  CHECK(finder.errors()[0].to_string() == "m/.zdlint.toml:1:14: error: 'pg_version' must be between 9 and 18, not 99");
}

TEST_CASE("config: without any file, defaults") {
  const EffectiveConfig c = resolve(nullptr, "/p/1.sql", {});
  CHECK_FALSE(c.config_file);
  CHECK(c.pg_version.value == 15);
  CHECK(c.pg_version.origin.describe() == "default");
  CHECK(c.assume_in_transaction.value == false);
  CHECK(c.max_lock_timeout_ms.value == 10'000);
  CHECK(c.fail_on.value == "warning");
  CHECK(c.select.value.empty());
  CHECK(c.ignore.empty());
  CHECK_FALSE(c.excluded.value);
}

TEST_CASE("config: overrides apply in order to the files they match") {
  const ConfigFile c = parse_ok(R"(pg_version = 13
ignore = ["cluster"]
[[overrides]]
paths = ["db/**"]
pg_version = 14
ignore = ["vacuum-full"]
select = ["cluster", "rename-column"]
[severity]
rename-column = "error"
[[overrides]]
paths = ["db/hot/*.sql"]
pg_version = 16
severity = { rename-column = "off" }
)");
  const EffectiveConfig hot = resolve(&c, "/project/db/hot/1.sql", {});
  CHECK(hot.pg_version.value == 16);
  CHECK(hot.pg_version.origin.describe() == "override #2 (cfg.toml:12)");
  CHECK(ids(hot.select.value) == Lines{{"cluster", "rename-column"}});
  CHECK(hot.select.origin.describe() == "override #1 (cfg.toml:7)");
  REQUIRE(hot.ignore.size() == 2);  // ignores add up
  CHECK(hot.ignore.at("cluster").describe() == "cfg.toml:2");
  CHECK(hot.ignore.at("vacuum-full").describe() == "override #1 (cfg.toml:6)");
  CHECK(hot.severity.at("rename-column").value.off());
  CHECK(hot.severity.at("rename-column").origin.describe() == "override #2 (cfg.toml:13)");
  const FileSettings settings = hot.file_settings();
  CHECK(settings.lint.pg_version == 16);
  CHECK(ids(settings.rules.ignore) == Lines{{"cluster", "rename-column", "vacuum-full"}});
  CHECK(settings.severity.empty());

  const EffectiveConfig cold = resolve(&c, "/project/db/cold/1.sql", {});
  CHECK(cold.pg_version.value == 14);
  CHECK(cold.severity.at("rename-column").value.severity == Severity::Error);
  CHECK(cold.file_settings().severity.at("rename-column") == Severity::Error);

  const EffectiveConfig outside = resolve(&c, "/project/other/1.sql", {});
  CHECK(outside.pg_version.value == 13);
  CHECK(outside.pg_version.origin.describe() == "cfg.toml:1");
  CHECK(outside.select.value.empty());
}

TEST_CASE("config: exclude, relative to the config's directory") {
  const ConfigFile c = parse_ok("exclude = [\"legacy\", \"**/*.down.sql\"]\n");
  const EffectiveConfig legacy = resolve(&c, "/project/legacy/2019/1.sql", {});
  CHECK(legacy.excluded.value);
  CHECK(legacy.excluded_by == "legacy");
  CHECK(legacy.excluded.origin.describe() == "cfg.toml:1");
  CHECK(legacy.file_settings().excluded);
  CHECK(resolve(&c, "/project/db/3_x.down.sql", {}).excluded.value);
  CHECK_FALSE(resolve(&c, "/project/db/3_x.up.sql", {}).excluded.value);
  CHECK_FALSE(resolve(&c, "/elsewhere/legacy/1.sql", {}).excluded.value);  // not under /project
}

TEST_CASE("config: the runner sets assume_in_transaction unless the file does") {
  const ConfigFile goose = parse_ok("runner = \"goose\"\n");
  const EffectiveConfig g = resolve(&goose, "/project/1.sql", {});
  CHECK(g.assume_in_transaction.value);
  CHECK(g.assume_in_transaction.origin.describe() == "runner \"goose\" (cfg.toml:1)");
  const ConfigFile prisma = parse_ok("runner = \"prisma\"\n");
  CHECK_FALSE(resolve(&prisma, "/project/1.sql", {}).assume_in_transaction.value);
  const ConfigFile explicit_ = parse_ok("assume_in_transaction = false\nrunner = \"dbmate\"\n");
  const EffectiveConfig e = resolve(&explicit_, "/project/1.sql", {});
  CHECK_FALSE(e.assume_in_transaction.value);
  CHECK(e.assume_in_transaction.origin.describe() == "cfg.toml:1");
}

TEST_CASE("config: the runner profiles follow runners.md") {
  for (const std::string_view wraps : {"atlas", "dbmate", "diesel", "flyway", "goose", "graphile-migrate", "hasura",
                                       "liquibase", "node-pg-migrate", "popx", "sqlx", "tern", "yoyo", "authelia",
                                       "concourse", "postgres-migrations", "synapse"}) {
    CAPTURE(wraps);
    REQUIRE(find_runner(wraps));
    CHECK(find_runner(wraps)->wraps_in_transaction);
  }
  for (const std::string_view plain : {"golang-migrate", "prisma", "psql", "sqitch", "supabase", "temporal-sql-tool"}) {
    CAPTURE(plain);
    REQUIRE(find_runner(plain));
    CHECK_FALSE(find_runner(plain)->wraps_in_transaction);
  }
  CHECK(runner_profiles().size() == 23);
  CHECK(find_runner("rails") == nullptr);
}

TEST_CASE("config: the command line overrides the file") {
  const ConfigFile c = parse_ok(R"(pg_version = 13
assume_in_transaction = true
select = ["cluster"]
ignore = ["vacuum-full"]
fail_on = "error"
)");
  CommandLine command_line;
  command_line.pg_version = 17;
  command_line.assume_in_transaction = false;
  command_line.select = {{"rename-column", "lock-table"}};
  command_line.ignore = {"lock-table"};
  command_line.fail_on = "info";
  const EffectiveConfig e = resolve(&c, "/project/1.sql", command_line);
  CHECK(e.pg_version.value == 17);
  CHECK(e.pg_version.origin.describe() == "command line");
  CHECK_FALSE(e.assume_in_transaction.value);
  CHECK(ids(e.select.value) == Lines{{"lock-table", "rename-column"}});  // replaced
  REQUIRE(e.ignore.size() == 2);                                         // added
  CHECK(e.ignore.at("vacuum-full").describe() == "cfg.toml:4");
  CHECK(e.ignore.at("lock-table").describe() == "command line");
  CHECK(e.fail_on.value == "info");
  const FileSettings s = e.file_settings();
  CHECK_FALSE(s.rules.enabled("lock-table"));
  CHECK(s.rules.enabled("rename-column"));
  CHECK_FALSE(s.rules.enabled("cluster"));
}

TEST_CASE("config: fail_on comes from the current directory's config unless given") {
  const TempDir dir;
  dir.write(".zdlint.toml", "fail_on = \"error\"\n");
  dir.write("sub/.zdlint.toml", "fail_on = \"info\"\n");
  SettingsProvider here({}, std::nullopt, dir.path());
  CHECK(here.fail_on() == "error");
  SettingsProvider given({.fail_on = "none"}, std::nullopt, dir.path());
  CHECK(given.fail_on() == "none");
  SettingsProvider forced({}, dir.path() / "sub" / ".zdlint.toml", dir.path());
  CHECK(forced.fail_on() == "info");
}

TEST_CASE("config: max_lock_timeout is what lock-timeout-too-long compares with") {
  const TempDir dir;
  dir.write("m/1_set.sql", "SET lock_timeout = '20s';\n");
  LintRequest request;
  request.paths = {(dir.path() / "m").string()};
  request.rules.select = {"lock-timeout-too-long"};
  const LintResult by_default = run_lint(request);
  REQUIRE(by_default.diagnostics.size() == 1);
  CHECK(by_default.diagnostics[0].message ==
        "lock_timeout = 20s lets a statement wait 20s for its lock, and every query that conflicts with the lock it "
        "waits for (for an AccessExclusiveLock: every read and write of the table) queues behind it for that long. "
        "The limit is 10s (max_lock_timeout)");
  request.settings.max_lock_timeout_ms = 30'000;
  CHECK(run_lint(request).diagnostics.empty());
  request.settings.max_lock_timeout_ms = 5'000;
  const LintResult strict = run_lint(request);
  REQUIRE(strict.diagnostics.size() == 1);
  CHECK(strict.diagnostics[0].message.view().ends_with("The limit is 5s (max_lock_timeout)"));
}

// From here on the engine applies FileSettings per file.

TEST_CASE("config: max_lock_timeout from .zdlint.toml, per path") {
  const TempDir dir;
  dir.write(".zdlint.toml", R"(select = ["lock-timeout-too-long"]
max_lock_timeout = "30s"
[[overrides]]
paths = ["m/2_*"]
max_lock_timeout = "5s"
)");
  dir.write("m/1_set.sql", "SET lock_timeout = '20s';\n");
  dir.write("m/2_set.sql", "SET lock_timeout = '20s';\n");
  CHECK(findings(lint(dir, {"m"}), dir.path()) == Lines{{"m/2_set.sql:1:20: warning[lock-timeout-too-long]"}});
}

TEST_CASE("config: a severity override changes the finding's severity; off silences it") {
  const TempDir dir;
  dir.write(".zdlint.toml", R"(select = ["rename-column", "drop-column-without-expand"]
[severity]
rename-column = "error"
drop-column-without-expand = "off"
)");
  dir.write("m/1.sql", "ALTER TABLE t RENAME COLUMN a TO b;\nALTER TABLE t DROP COLUMN c;\n");
  CHECK(findings(lint(dir, {"m"}), dir.path()) == Lines{{"m/1.sql:1:1: error[rename-column]"}});
}

TEST_CASE("config: an excluded file is not linted") {
  const TempDir dir;
  dir.write(".zdlint.toml", "select = [\"drop-column-without-expand\"]\nexclude = [\"m/legacy\"]\n");
  dir.write("m/legacy/1.sql", "ALTER TABLE t DROP COLUMN c;\n");
  dir.write("m/2.sql", "ALTER TABLE t DROP COLUMN d;\n");
  const LintResult result = lint(dir, {"m"});
  CHECK(findings(result, dir.path()) == Lines{{"m/2.sql:1:15: warning[drop-column-without-expand]"}});
  CHECK(result.checked_files() == 1);
}

TEST_CASE("config: pg_version per path") {
  const TempDir dir;
  dir.write(".zdlint.toml", R"(select = ["add-column-volatile-default"]
[[overrides]]
paths = ["old/**"]
pg_version = 10
)");
  dir.write("old/1.sql", "ALTER TABLE t ADD COLUMN c int DEFAULT 0;\n");
  dir.write("new/1.sql", "ALTER TABLE t ADD COLUMN c int DEFAULT 0;\n");
  CHECK(findings(lint(dir, {"old", "new"}), dir.path()) ==
        Lines{{"old/1.sql:1:26: error[add-column-volatile-default]"}});
}

TEST_CASE("config: the nearest file applies to each linted file") {
  const TempDir dir;
  dir.write(".zdlint.toml", "select = [\"rename-column\"]\n");
  dir.write("b/.zdlint.toml", "select = [\"drop-column-without-expand\"]\n");
  const std::string sql = "ALTER TABLE t RENAME COLUMN a TO b;\nALTER TABLE t DROP COLUMN c;\n";
  dir.write("a/1.sql", sql);
  dir.write("b/1.sql", sql);
  CHECK(findings(lint(dir, {"a", "b"}), dir.path()) ==
        Lines{{"a/1.sql:1:1: warning[rename-column]", "b/1.sql:2:15: warning[drop-column-without-expand]"}});
  // --config: one file for everything.
  CHECK(findings(lint(dir, {"a", "b"}, {}, dir.path() / ".zdlint.toml"), dir.path()) ==
        Lines{{"a/1.sql:1:1: warning[rename-column]", "b/1.sql:1:1: warning[rename-column]"}});
}

TEST_CASE("config: assume_in_transaction from the runner reaches the rules") {
  const TempDir dir;
  dir.write(".zdlint.toml", "runner = \"goose\"\nselect = [\"concurrently-in-transaction\"]\n");
  dir.write("m/1.sql", "CREATE INDEX CONCURRENTLY i ON t (a);\n");
  CHECK(findings(lint(dir, {"m"}), dir.path()) == Lines{{"m/1.sql:1:1: error[concurrently-in-transaction]"}});
  CHECK(findings(lint(dir, {"m"}, {.assume_in_transaction = false}), dir.path()).items.empty());
}

// The binary, end to end.

TEST_CASE("config: zdlint config PATH prints each setting and where it came from") {
  const TempDir dir;
  dir.write(".zdlint.toml", R"(pg_version = 14
runner = "goose"
ignore = ["rename-column"]
[severity]
lock-table = "error"
[[overrides]]
paths = ["db/hot/**"]
max_lock_timeout = "30s"
)");
  dir.write("db/hot/1.sql", "SELECT 1;\n");
  const auto r = run_zdlint_in(dir.path(), {"config", "--ignore", "cluster", "db/hot/1.sql"});
  CHECK(r.exit_code == 0);
  CHECK(r.err == "");
  CHECK(r.out == R"(# effective configuration for db/hot/1.sql
# config file: .zdlint.toml

pg_version = 14                     # .zdlint.toml:1
runner = "goose"                    # .zdlint.toml:2; runs each file in a transaction unless `-- +goose NO TRANSACTION`
assume_in_transaction = true        # runner "goose" (.zdlint.toml:2)
max_lock_timeout = "30s"            # override #1 (.zdlint.toml:8)
fail_on = "warning"                 # default
excluded = false                    # default
select = []                         # default: every rule
ignore = [
  "cluster",                        # command line
  "rename-column",                  # .zdlint.toml:3
]

[severity]
lock-table = "error"                # .zdlint.toml:5
)");
}

TEST_CASE("config: zdlint config with no file prints the defaults; --format json") {
  const TempDir dir;
  dir.write("1.sql", "SELECT 1;\n");
  const auto r = run_zdlint({"config", "--format", "json", "--pg-version", "12", (dir.path() / "1.sql").string()});
  CHECK(r.exit_code == 0);
  const auto doc = nlohmann::json::parse(r.out);
  // A stray .zdlint.toml above the temp directory would be found: only check when there is none.
  if (doc["configFile"].is_null()) {
    CHECK(doc["settings"]["max_lock_timeout"]["value"] == "10s");
    CHECK(doc["settings"]["max_lock_timeout"]["milliseconds"] == 10000);
    CHECK(doc["settings"]["max_lock_timeout"]["source"]["kind"] == "default");
    CHECK(doc["settings"]["runner"]["value"].is_null());
    CHECK(doc["excluded"]["value"] == false);
  }
  CHECK(doc["path"] == (dir.path() / "1.sql").string());
  CHECK(doc["settings"]["pg_version"]["value"] == 12);
  CHECK(doc["settings"]["pg_version"]["source"]["kind"] == "command-line");
}

TEST_CASE("config: zdlint config --format json names the file, line and override") {
  const TempDir dir;
  dir.write(".zdlint.toml", "exclude = [\"old\"]\n[[overrides]]\npaths = [\"old\"]\npg_version = 11\n");
  const auto r = run_zdlint_in(dir.path(), {"config", "--format", "json", "old/1.sql"});
  CHECK(r.exit_code == 0);
  const auto doc = nlohmann::json::parse(r.out);
  CHECK(doc["configFile"] == ".zdlint.toml");
  const auto excluded = nlohmann::json::parse(R"({"value": true, "source": {"kind": "file", "file": ".zdlint.toml",
      "line": 1, "text": ".zdlint.toml:1"}, "pattern": "old"})");
  CHECK(doc["excluded"] == excluded);
  const auto pg_version = nlohmann::json::parse(R"json({"value": 11, "source": {"kind": "override",
      "file": ".zdlint.toml", "line": 4, "override": 1, "text": "override #1 (.zdlint.toml:4)"}})json");
  CHECK(doc["settings"]["pg_version"] == pg_version);
}

TEST_CASE("config: a bad config file stops the run with exit code 2 and every error") {
  const TempDir dir;
  dir.write(".zdlint.toml", "pg_version = 30\nselect = [\"rename-colum\"]\n");
  dir.write("m/1.sql", "ALTER TABLE t RENAME COLUMN a TO b;\n");
  const std::string expected =
      ".zdlint.toml:1:14: error: 'pg_version' must be between 9 and 18, not 30\n"
      ".zdlint.toml:2:11: error: unknown rule 'rename-colum' in 'select'; did you mean 'rename-column'?\n";
  const auto lint_run = run_zdlint_in(dir.path(), {"m"});
  CHECK(lint_run.exit_code == 2);
  CHECK(lint_run.err == expected);
  CHECK(lint_run.out == "");  // nothing was linted
  const auto config_run = run_zdlint_in(dir.path(), {"config", "m/1.sql"});
  CHECK(config_run.exit_code == 2);
  CHECK(config_run.err == expected);
}

TEST_CASE("config: a directory linted whole finds the .zdlint.toml of every directory it walks") {
  // The walk's listings stand in for a lookup in each directory: a config in a directory below the
  // one named, or in one directory of many, must still be found.
  const TempDir dir;
  dir.write("m/.zdlint.toml", "select = [\"rename-column\"]\n");
  dir.write("m/x/y/.zdlint.toml", "select = [\"drop-column-without-expand\"]\n");
  const std::string sql = "ALTER TABLE t RENAME COLUMN a TO b;\nALTER TABLE t DROP COLUMN c;\n";
  dir.write("m/1.sql", sql);
  dir.write("m/x/2.sql", sql);
  dir.write("m/x/y/3.sql", sql);
  dir.write("m/z/4.sql", sql);
  for (const std::string& argument : {std::string("m"), (dir.path() / "m").string()}) {
    const auto r = run_zdlint_in(dir.path(), {"--format", "json", argument});
    INFO(r.err);
    const auto report = nlohmann::json::parse(r.out);
    std::vector<std::string> found;
    for (const auto& finding : report["diagnostics"])
      found.push_back(fs::path(finding["file"].get<std::string>()).filename().string() + " " +
                      finding["rule"].get<std::string>());
    CHECK(found == std::vector<std::string>{"1.sql rename-column", "2.sql rename-column",
                                            "3.sql drop-column-without-expand", "4.sql rename-column"});
  }
}

TEST_CASE("config: --config FILE, its errors, and a missing one") {
  const TempDir dir;
  const auto good = dir.write("ci/strict.toml", "[severity]\nrename-column = \"error\"\nfail_on = \"error\"\n");
  const auto bad = dir.write("ci/bad.toml", "[severity]\nrename-column = \"loud\"\n");
  const auto sql = dir.write("m/1.sql", "ALTER TABLE t RENAME COLUMN a TO b;\n").string();
  // fail_on in [severity] is a rule name: an error, not a setting.
  const auto strict = run_zdlint({"--config", good.string(), sql});
  CHECK(strict.exit_code == 2);
  CHECK(strict.err ==
        good.string() + ":3:1: error: unknown rule 'fail_on' in [severity]; `zdlint rules` lists them all\n");
  dir.write("ci/strict.toml", "fail_on = \"error\"\n[severity]\nrename-column = \"error\"\n");
  const auto ok = run_zdlint({"--config", good.string(), "--select", "rename-column", "--format", "json", sql});
  CHECK(ok.exit_code == 1);
  const auto doc = nlohmann::json::parse(ok.out);
  REQUIRE(doc["diagnostics"].size() == 1);
  CHECK(doc["diagnostics"][0]["rule"] == "rename-column");
  CHECK(doc["diagnostics"][0]["severity"] == "error");
  const auto loud = run_zdlint({"--config", bad.string(), sql});
  CHECK(loud.exit_code == 2);
  CHECK(loud.err ==
        bad.string() +
            ":2:17: error: severity of 'rename-column' must be \"error\", \"warning\", \"info\" or \"off\", "
            "not \"loud\"\n");
  const auto missing = run_zdlint({"--config", (dir.path() / "nope.toml").string(), sql});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err == (dir.path() / "nope.toml").string() + ": error: no such configuration file\n");
}

TEST_CASE("config: preloading finds the config of every directory, however its files are interleaved") {
  const TempDir dir;
  dir.write("a/.zdlint.toml", "pg_version = 14\n");
  dir.write("a/b/.zdlint.toml", "pg_version = \"fourteen\"\n");  // an error, found only in a/b
  dir.write("c/.zdlint.toml", "fail_on = \"sometimes\"\n");
  SettingsProvider provider({}, std::nullopt, dir.path());
  const auto errors = provider.preload({"a/1.sql", "a/2.sql", "a/b/3.sql", "a/4.sql", "c/5.sql", "a/b/6.sql"});
  std::vector<std::string> files;
  for (const auto& error : errors) files.push_back(error.file);
  CHECK(files == std::vector<std::string>{"a/b/.zdlint.toml", "c/.zdlint.toml"});
  // Files named without a directory, and the same directory spelled two ways.
  SettingsProvider here({}, std::nullopt, dir.path() / "a/b");
  CHECK(here.preload({"3.sql", "./3.sql", "../b/3.sql"}).size() == 1);
}

TEST_CASE("config: preloading believes a listing without .zdlint.toml, and looks everywhere else") {
  // The directories discovery listed without a config are not asked again: one written after the
  // listing is not seen there, while the walk up still finds the one above.
  const TempDir dir;
  dir.write("a/.zdlint.toml", "pg_version = \"x\"\n");
  dir.write("a/b/.zdlint.toml", "pg_version = \"y\"\n");
  SettingsProvider provider({}, std::nullopt, dir.path());
  const auto errors = provider.preload({"a/b/1.sql"}, {"a/b"});
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].file == "a/.zdlint.toml");
  SettingsProvider unlisted({}, std::nullopt, dir.path());
  const auto found = unlisted.preload({"a/b/1.sql"});
  REQUIRE(found.size() == 1);
  CHECK(found[0].file == "a/b/.zdlint.toml");
}

TEST_CASE("config: preloading reports errors in the order of the config files' paths") {
  // "a-b" sorts before "a/" as text, after it as a path: the order std::filesystem::path gives.
  const TempDir dir;
  dir.write("a-b/.zdlint.toml", "pg_version = \"x\"\n");
  dir.write("a/c/.zdlint.toml", "pg_version = \"y\"\n");
  SettingsProvider provider({}, std::nullopt, dir.path());
  std::vector<std::string> files;
  for (const auto& error : provider.preload({"a-b/1.sql", "a/c/2.sql"})) files.push_back(error.file);
  CHECK(files == std::vector<std::string>{"a/c/.zdlint.toml", "a-b/.zdlint.toml"});
}

TEST_CASE("config: paths compared and normalised as text") {
  CHECK(is_lexically_normal("/a/b.sql"));
  CHECK(is_lexically_normal("a/b"));
  CHECK_FALSE(is_lexically_normal("/a//b"));
  CHECK_FALSE(is_lexically_normal("/a/./b"));
  CHECK_FALSE(is_lexically_normal("/a/../b"));
  CHECK_FALSE(is_lexically_normal("/a/"));
  CHECK_FALSE(is_lexically_normal("/"));
  CHECK(normal_path_less("/a/c", "/a-b"));  // as std::filesystem::path compares them
  CHECK_FALSE(normal_path_less("/a-b", "/a/c"));
  CHECK(normal_path_less("/a", "/a/b"));
  CHECK_FALSE(normal_path_less("/a", "/a"));
  for (const auto& [a, b] : std::vector<std::pair<std::string, std::string>>{
           {"/a/c", "/a-b"}, {"/a.b/c", "/a/b"}, {"/x/y", "/x y"}, {"/m/1", "/m/10"}, {"/m", "/m0"}})
    CHECK(normal_path_less(a, b) == (std::filesystem::path(a) < std::filesystem::path(b)));
  CHECK(join_text("/a", "b") == "/a/b");
  CHECK(join_text("/a/", "b") == "/a/b");
  CHECK(join_text("/", "b") == "/b");
  CHECK(join_text("", "b") == "b");
  CHECK(parent_text("/a/b") == "/a");
  CHECK(parent_text("/a") == "/");
  CHECK(parent_text("a") == "");
  CHECK(absolute_normal("/a/b") == "/a/b");
  CHECK(absolute_normal("/a/./b/../c/") == "/a/c");
}

TEST_CASE("config: each file's settings, asked for in any order, are those of its own config and path") {
  const TempDir dir;
  dir.write("a/.zdlint.toml", "pg_version = 14\n");
  dir.write("c/.zdlint.toml", "pg_version = 13\nexclude = [\"old/**\"]\n[[overrides]]\npaths = [\"hot/*.sql\"]\npg_version = 16\n");
  SettingsProvider provider({}, std::nullopt, dir.path());
  const auto version = [&](const std::string& path) { return provider.file_settings(path).lint.pg_version; };
  for (int round = 0; round < 2; ++round) {  // the second time from what the first one kept
    CAPTURE(round);
    CHECK(version("a/1.sql") == 14);
    CHECK(version("b/2.sql") == 15);  // no config: the default
    CHECK(version("a/sub/3.sql") == 14);
    CHECK(version("c/4.sql") == 13);
    CHECK(version("c/hot/5.sql") == 16);
    CHECK(version("c/6.sql") == 13);
    CHECK(version("7.sql") == 15);
    CHECK(provider.file_settings("c/old/8.sql").excluded);
    CHECK_FALSE(provider.file_settings("c/9.sql").excluded);
  }
  const CommandLine pg12{.pg_version = 12};  // the command line is over every config
  SettingsProvider overridden(pg12, std::nullopt, dir.path());
  CHECK(overridden.file_settings("a/1.sql").lint.pg_version == 12);
  CHECK(overridden.file_settings("b/2.sql").lint.pg_version == 12);
}

TEST_CASE("config: fail_on from the working directory's config, --fail-on over it") {
  const TempDir dir;
  dir.write(".zdlint.toml", "fail_on = \"error\"\n");
  dir.write("m/1.sql", "ALTER TABLE t DROP COLUMN c;\n");  // a warning
  CHECK(run_zdlint_in(dir.path(), {"-q", "m"}).exit_code == 0);
  CHECK(run_zdlint_in(dir.path(), {"-q", "--fail-on", "warning", "m"}).exit_code == 1);
}

TEST_CASE("config: --no-assume-in-transaction overrides the runner") {
  const TempDir dir;
  dir.write(".zdlint.toml", "runner = \"sqlx\"\n");
  dir.write("m/1.sql", "CREATE INDEX CONCURRENTLY i ON t (a);\n");
  const auto wrapped = run_zdlint_in(dir.path(), {"-q", "--select", "concurrently-in-transaction", "m"});
  CHECK(wrapped.exit_code == 1);
  CHECK(wrapped.out.starts_with("m/1.sql:1:1: error[concurrently-in-transaction]: "));
  const auto plain =
      run_zdlint_in(dir.path(), {"-q", "--select", "concurrently-in-transaction", "--no-assume-in-transaction", "m"});
  CHECK(plain.exit_code == 0);
  CHECK(plain.out == "");
}

TEST_CASE("config: standard input gets the settings of --stdin-filename's path") {
  const TempDir dir;
  dir.write(".zdlint.toml", "[[overrides]]\npaths = [\"m/**\"]\nignore = [\"drop-column-without-expand\"]\n");
  const std::string sql = "ALTER TABLE t DROP COLUMN c;\n";
  const std::vector<std::string> flags{"-q", "--select", "drop-column-without-expand", "--stdin-filename"};
  auto args = flags;
  args.insert(args.end(), {"m/1.sql", "-"});
  const auto inside = run_zdlint_in(dir.path(), args, sql);
  CHECK(inside.exit_code == 0);
  CHECK(inside.out == "");
  args = flags;
  args.insert(args.end(), {"other/1.sql", "-"});
  const auto outside = run_zdlint_in(dir.path(), args, sql);
  CHECK(outside.exit_code == 1);
  CHECK(outside.out.starts_with("other/1.sql:1:15: warning[drop-column-without-expand]: "));
}

namespace {

// The text of `page` from just after `marker` up to the next ``` fence.
std::string block_after(const std::string& page, const std::string& marker) {
  const size_t begin = page.find(marker);
  REQUIRE(begin != std::string::npos);
  const size_t start = begin + marker.size();
  return page.substr(start, page.find("```", start) - start);
}

}  // namespace

TEST_CASE("config: the examples in docs/configuration.md are what zdlint prints") {
  const std::string page = test::slurp(fs::path(test::source_dir()) / "docs" / "configuration.md");
  const TempDir dir;
  const std::string first_line = "# .zdlint.toml at the root of the repository\n";
  dir.write(".zdlint.toml", first_line + block_after(page, "```toml\n" + first_line));
  const auto shown = run_zdlint_in(dir.path(), {"config", "db/batch/042_backfill.sql"});
  CHECK(shown.exit_code == 0);
  CHECK(shown.out == block_after(page, "$ zdlint config db/batch/042_backfill.sql\n"));
  const auto json = run_zdlint_in(dir.path(), {"config", "--format", "json", "db/batch/042_backfill.sql"});
  CHECK(nlohmann::json::parse(json.out) == nlohmann::json::parse(block_after(page, "```json\n")));

  dir.write(".zdlint.toml", "pg_verison" + block_after(page, "```toml\npg_verison"));
  dir.write("db/migrations/1.sql", "SELECT 1;\n");
  const auto errors = run_zdlint_in(dir.path(), {"db/migrations"});
  CHECK(errors.exit_code == 2);
  const std::string expected = block_after(page, "$ zdlint db/migrations\n");
  CHECK(errors.err == expected.substr(0, expected.find("$ echo")));
}

}  // namespace zdlint::config
