// --changed-since REF, run for real in scratch git repositories: only the migrations added or
// modified since the ref are reported, the earlier ones are replayed as history.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <set>
#include <string>

#include "tests/sandbox.h"

using zdlint::test::read_file;
using zdlint::test::Sandbox;
using zdlint::test::write_file;
namespace fs = std::filesystem;

namespace {

struct Report {
  int exit_code = -1;
  std::string messages;                // standard error (and output)
  std::set<std::string> files;         // the files reported on
  std::set<std::string> findings;      // "file rule line"
};

Report lint(const Sandbox& sandbox, const fs::path& repo, const std::vector<std::string>& args) {
  std::vector<std::string> argv{ZDLINT_BINARY, "--format", "json", "--output", "report.json"};
  argv.insert(argv.end(), args.begin(), args.end());
  const auto run = sandbox.run(repo, argv);
  Report report{run.exit_code, run.text, {}, {}};
  if (!fs::exists(repo / "report.json")) return report;
  const auto json = nlohmann::json::parse(read_file(repo / "report.json"));
  fs::remove(repo / "report.json");
  for (const auto& file : json["files"]) report.files.insert(file["path"].get<std::string>());
  for (const auto& d : json["diagnostics"])
    report.findings.insert(d["file"].get<std::string>() + " " + d["rule"].get<std::string>() + " " +
                           std::to_string(d["line"].get<int>()));
  return report;
}

const std::vector<std::pair<std::string, std::string>> kBase{
    {"db/0001_create_orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, note text);\n"},
    {"db/0002_create_items.sql", "CREATE TABLE items (id bigint PRIMARY KEY, order_id bigint);\n"},
};

}  // namespace

TEST_CASE("changed-since: only added or modified migrations are reported, with the history replayed") {
  Sandbox sandbox;
  const fs::path repo = sandbox.repository("repo", kBase);
  sandbox.git(repo, {"tag", "base"});

  // A new, untracked migration that drops a column the history created in another migration.
  write_file(repo / "db/0003_drop_note.sql", "ALTER TABLE orders DROP COLUMN note;\n");
  Report report = lint(sandbox, repo, {"--changed-since", "base", "--select", "drop-column-without-expand", "db"});
  CHECK(report.exit_code == 1);
  CHECK(report.files == std::set<std::string>{"db/0003_drop_note.sql"});
  CHECK(report.findings == std::set<std::string>{"db/0003_drop_note.sql drop-column-without-expand 1"});

  // Committed since the ref: still a change. Since HEAD: nothing changed, a clean run.
  sandbox.git(repo, {"add", "."});
  sandbox.git(repo, {"commit", "-q", "-m", "drop note"});
  report = lint(sandbox, repo, {"--changed-since", "base", "db"});
  CHECK(report.files == std::set<std::string>{"db/0003_drop_note.sql"});
  report = lint(sandbox, repo, {"--changed-since", "HEAD", "db"});
  CHECK(report.exit_code == 0);
  CHECK(report.files.empty());
  CHECK(report.messages.find("no migration under the given paths changed since HEAD") != std::string::npos);

  // An unstaged edit of the first migration: it alone is reported, and nothing after it replayed.
  write_file(repo / "db/0001_create_orders.sql",
             "CREATE TABLE orders (id bigint PRIMARY KEY, note text);\nCREATE INDEX orders_note_idx ON orders (note);\n");
  report = lint(sandbox, repo, {"--changed-since", "HEAD", "db"});
  CHECK(report.files == std::set<std::string>{"db/0001_create_orders.sql"});
  CHECK(report.exit_code == 0);  // an index on a table created in the same migration is fine
}

TEST_CASE("changed-since: clear errors outside a repository and for an unknown ref") {
  Sandbox sandbox;
  write_file(sandbox.dir() / "plain/db/0001.sql", "SELECT 1;\n");
  Report report = lint(sandbox, sandbox.dir() / "plain", {"--changed-since", "main", "db"});
  CHECK(report.exit_code == 2);
  CHECK(report.messages.find("--changed-since main: not inside a git repository") != std::string::npos);

  const fs::path repo = sandbox.repository("repo", kBase);
  report = lint(sandbox, repo, {"--changed-since", "no-such-branch", "db"});
  CHECK(report.exit_code == 2);
  CHECK(report.messages.find("'no-such-branch' does not name a commit") != std::string::npos);
  // A ref that looks like an option is a ref, not an option of git's.
  report = lint(sandbox, repo, {"--changed-since=--output=/tmp/x", "db"});
  CHECK(report.exit_code == 2);
  CHECK(report.messages.find("does not name a commit") != std::string::npos);
}
