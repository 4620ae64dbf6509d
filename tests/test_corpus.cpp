// The real-world corpus (../shared/corpus: 15 open-source migration histories and two large dumps),
// when it is there: every project is linted as one history without a crash, recognised as its
// runner where its layout says so, templated files parse, and the SARIF of the whole corpus passes
// GitHub's ingestion rules. Skipped (and reported as skipped) without the corpus.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "tests/sarif_validation.h"
#include "tests/test_support.h"

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

fs::path corpus() {
  if (const char* dir = std::getenv("ZDLINT_CORPUS")) return dir;
  return fs::path(zdlint::test::source_dir()) / ".." / "shared" / "corpus";
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

}  // namespace

TEST_CASE("corpus: every project is linted as one history, as its runner where the layout tells") {
  if (!have_corpus()) return;
  // The runner each project's layout identifies (MANIFEST.md); the others use runners of their own.
  const std::map<std::string, std::string> runners{
      {"lemmy", "diesel"},         {"hatchet", "goose"},        {"ente", "golang-migrate"},
      {"trigger.dev", "prisma"},   {"langfuse", "prisma"},      {"ory-kratos", "popx"},
      {"ory-hydra", "popx"},       {"ory-keto", "popx"},        {"supabase-auth", "popx"},
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
    if (const auto it = runners.find(project); it != runners.end()) {
      size_t as_runner = 0, files = 0;
      for (const auto& file : report["files"]) {
        ++files;
        if (file["runner"] == it->second) ++as_runner;
      }
      // Every migration file; lemmy and langfuse keep a few SQL files outside their migrations.
      CHECK(as_runner + 3 >= files);
    }
    if (project == "supabase-auth") {  // Go templates in every file: findings, not syntax errors
      size_t syntax_errors = 0;
      for (const auto& d : report["diagnostics"]) syntax_errors += d["rule"] == "syntax-error";
      CHECK(syntax_errors == 0);
      CHECK(report["diagnostics"].size() > 50);
    }
  }
  CHECK(projects >= 15);
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
