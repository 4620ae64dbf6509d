// The real-world corpus (../shared/corpus: 15 open-source migration histories and two large dumps),
// when it is there: every project is linted as one history without a crash, recognised as the
// runner MANIFEST.md names and replayed in that runner's order, templated and psql files parse, the
// SARIF of the whole corpus passes GitHub's ingestion rules, and the common file list named file by
// file (down files included) is linted without a crash. Skipped (and reported as skipped) without
// the corpus.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "tests/sarif_validation.h"
#include "tests/test_support.h"

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

fs::path corpus() {
  return zdlint::test::corpus_dir();
}

bool have_corpus() {
  if (fs::exists(corpus() / "MANIFEST.md")) return true;
  MESSAGE("SKIPPED: no corpus at ", corpus().string(), " (set ZDLINT_CORPUS)");
  return false;
}

json lint_json(const fs::path& dir, const zdlint::test::TempDir& out) {
  const fs::path report = out.path() / "report.json";
  const auto run = zdlint::test::run_zdlint({"--format", "json", "--fail-on", "none", "--output", report.string(),
                                             dir.string()});
  CHECK_MESSAGE(run.exit_code == 0, dir.string(), ": ", run.err.substr(0, 2000));
  return json::parse(zdlint::test::slurp(report));
}

// The version a migration's runner orders by: the digits its file name starts with, as a number of
// any size (Authelia's `V` and fixmystreet's `schema_` come before them); for a file named only
// up.sql (Diesel) or migration.sql (Prisma), the digits of its directory's name, dashes removed, as
// text: both runners sort those names as strings. nullopt: no version (a full schema, a helper).
std::optional<std::string> version_of(const fs::path& path) {
  std::string name = path.filename().string();
  const bool directory_named = name == "up.sql" || name == "migration.sql";
  if (directory_named) {
    name = path.parent_path().filename().string();
    std::erase(name, '-');
  }
  for (const std::string_view prefix : {"V", "schema_"})
    if (name.starts_with(prefix)) name.erase(0, prefix.size());
  size_t digits = 0;
  while (digits < name.size() && std::isdigit(static_cast<unsigned char>(name[digits]))) ++digits;
  if (digits == 0) return std::nullopt;
  std::string version = name.substr(0, digits);
  if (directory_named) return version;
  version.erase(0, std::min(version.find_first_not_of('0'), version.size() - 1));
  return std::string(20 - std::min<size_t>(version.size(), 20), '0') + version;  // compares as a number
}

// The files of one migration directory (the version directories of Diesel and Prisma count as
// one) come in ascending version order: 9_x before 10_x, whatever their string order, and
// langfuse's 20250625_x among the 14-digit versions of June 2025.
void check_version_order(const std::string& project, const json& files) {
  std::map<std::string, std::string> last_by_directory;
  size_t checked = 0;
  for (const auto& file : files) {
    const fs::path path = file["path"].get<std::string>();
    const auto version = version_of(path);
    if (!version) continue;
    const std::string name = path.filename().string();
    const fs::path directory =
        name == "up.sql" || name == "migration.sql" ? path.parent_path().parent_path() : path.parent_path();
    std::string& last = last_by_directory[directory.string()];
    CHECK_MESSAGE(last <= *version, project, ": ", path.string(), " replayed after a later version");
    last = *version;
    ++checked;
  }
  CHECK(checked > 0);
}

// Synapse: delta/<N>/ by N across common/, main/ and state/, then by file name.
void check_synapse_order(const json& files) {
  std::pair<unsigned long, std::string> last{0, ""};
  size_t deltas = 0;
  for (const auto& file : files) {
    const fs::path path = file["path"].get<std::string>();
    const fs::path version = path.parent_path().filename();
    if (path.parent_path().parent_path().filename() != "delta") continue;
    const std::pair<unsigned long, std::string> key{std::stoul(version.string()), path.filename().string()};
    CHECK_MESSAGE(last <= key, path.string(), " replayed after delta ", last.first, "/", last.second);
    last = key;
    ++deltas;
  }
  CHECK(deltas > 300);
}

// temporal: each versioned/v<X.Y>/ directory in its manifest.json's order.
void check_temporal_order(const json& files) {
  std::map<std::string, std::vector<std::string>> replayed;
  for (const auto& file : files) {
    const fs::path path = file["path"].get<std::string>();
    if (path.parent_path().parent_path().filename() == "versioned")
      replayed[path.parent_path().string()].push_back(path.filename().string());
  }
  CHECK(replayed.size() > 20);
  for (const auto& [directory, names] : replayed) {
    const json manifest = json::parse(zdlint::test::slurp(fs::path(directory) / "manifest.json"));
    std::vector<std::string> listed;
    for (const auto& f : manifest["SchemaUpdateCqlFiles"])
      if (std::find(names.begin(), names.end(), f.get<std::string>()) != names.end()) listed.push_back(f);
    // Files a manifest does not list (v1.10's "AllowNoCqlFiles") are not run by the tool; they are
    // linted after the listed ones.
    REQUIRE(names.size() >= listed.size());
    CHECK_MESSAGE(std::equal(listed.begin(), listed.end(), names.begin()), directory);
  }
}

}  // namespace

TEST_CASE("corpus: every project is linted as one history, as its runner and in its runner's order") {
  if (!have_corpus()) return;
  // The runner of each project, as MANIFEST.md names it (custom migrators have profiles of their own).
  const std::map<std::string, std::string> runners{
      {"lemmy", "diesel"},         {"hatchet", "goose"},
      {"ente", "golang-migrate"},  {"trigger.dev", "prisma"},
      {"langfuse", "prisma"},      {"ory-kratos", "popx"},
      {"ory-hydra", "popx"},       {"ory-keto", "popx"},
      {"supabase-auth", "popx"},   {"concourse", "concourse"},
      {"authelia", "authelia"},    {"synapse", "synapse"},
      {"temporal", "temporal-sql-tool"}, {"supabase-storage", "postgres-migrations"},
      {"fixmystreet", "psql"},     {"lago", "psql"},
      {"pg-sample-dbs", "psql"},
  };
  size_t projects = 0;
  for (const auto& entry : fs::directory_iterator(corpus())) {
    const std::string project = entry.path().filename().string();
    if (!entry.is_directory() || project == "tools" || project == "synthetic") continue;
    CAPTURE(project);
    ++projects;
    const zdlint::test::TempDir out;
    const json report = lint_json(entry.path(), out);
    CHECK(report["summary"]["files"].get<size_t>() > 0);
    const auto it = runners.find(project);
    REQUIRE_MESSAGE(it != runners.end(), "a corpus project without its runner here");
    size_t as_runner = 0, files = 0;
    for (const auto& file : report["files"]) {
      ++files;
      if (file["runner"] == it->second) ++as_runner;
    }
    // Every migration file; lemmy keeps two helper SQL files beside its migrations.
    CHECK(as_runner + (project == "lemmy" ? 2 : 0) == files);
    if (project == "synapse") {
      check_synapse_order(report["files"]);
    } else if (project == "temporal") {
      check_temporal_order(report["files"]);
    } else if (project != "lago" && project != "pg-sample-dbs") {
      check_version_order(project, report["files"]);
    }
    if (project == "supabase-auth" || project == "pg-sample-dbs") {
      // Go templates in every supabase-auth file, COPY … FROM stdin data in pagila.sql: findings,
      // not syntax errors.
      size_t syntax_errors = 0;
      for (const auto& d : report["diagnostics"]) syntax_errors += d["rule"] == "syntax-error";
      CHECK(syntax_errors == 0);
      if (project == "supabase-auth") CHECK(report["diagnostics"].size() > 50);
    }
  }
  CHECK(projects >= 17);
}

TEST_CASE("corpus: the SARIF of the whole corpus passes GitHub's ingestion rules and the OASIS schema") {
  if (!have_corpus()) return;
  const auto run = zdlint::test::run_zdlint({"--format", "sarif", "--fail-on", "none", corpus().string()});
  REQUIRE(run.exit_code == 0);
  CHECK(json::parse(run.out)["runs"][0]["results"].size() > 10000);
  const auto v = zdlint::test::validate_sarif(run.out);
  if (!v.ran) {
    MESSAGE("SARIF validators not installed (scripts/install-sarif-tools.sh): validation skipped");
    return;
  }
  CHECK_MESSAGE(v.multitool_errors == 0, v.output.substr(0, 4000));
  CHECK_MESSAGE(v.multitool_warnings == 0, v.output.substr(0, 4000));
  CHECK_MESSAGE(v.schema_exit == 0, v.output.substr(0, 4000));
}

TEST_CASE("corpus: every file of the common list named on the command line, as a pre-commit hook names them") {
  // Named files are linted as asked, down migrations too, each on the history of the files before
  // it: a down file that creates again what its history has is what once crashed lock-ordering-risk.
  if (!have_corpus()) return;
  std::vector<std::string> args{"--format", "json", "--fail-on", "none"};
  std::istringstream list(zdlint::test::slurp(corpus() / "tools" / "filelist_common.txt"));
  size_t named = 0;
  for (std::string line; std::getline(list, line);)
    if (!line.empty()) {
      args.push_back((corpus() / line).string());
      ++named;
    }
  REQUIRE(named > 4000);
  const auto run = zdlint::test::run_zdlint(args);
  REQUIRE_MESSAGE(run.exit_code == 0, run.err.substr(0, 2000));
  const json report = json::parse(run.out);
  CHECK(report["summary"]["files"].get<size_t>() == named);
  CHECK(report["diagnostics"].size() > 10000);
}
