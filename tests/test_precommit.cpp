// Commit-time integrations, run for real: the repository's .pre-commit-hooks.yaml through Debian's
// pre-commit (try-repo and an installed hook), and the plain git hook scripts/git-hooks/pre-commit.
// Each test builds scratch git repositories in a temporary directory; nothing touches the network.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "tests/sandbox.h"

using zdlint::test::read_file;
using zdlint::test::Sandbox;
using zdlint::test::write_file;
namespace fs = std::filesystem;

namespace {

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

bool have_pre_commit() {
  if (!zdlint::test::find_on_path("pre-commit").empty()) return true;
  MESSAGE("SKIPPED: pre-commit is not installed (Debian package pre-commit; scripts/install-deps.sh installs it)");
  return false;
}

// A git repository holding the working tree's .pre-commit-hooks.yaml, committed: try-repo and
// `repo:` entries need a git repository, and the source tree may have uncommitted changes.
fs::path hook_repository(const Sandbox& sandbox) {
  return sandbox.repository(
      "hook-repo", {{".pre-commit-hooks.yaml", read_file(zdlint::test::source_dir() + "/.pre-commit-hooks.yaml")}});
}

// The earlier migration every scenario builds on: a plain table and a partitioned one.
const std::pair<std::string, std::string> kHistory{
    "migrations/0001_create_tables.sql",
    "CREATE TABLE accounts (id bigint PRIMARY KEY, email text);\n"
    "CREATE TABLE events (id bigint, at timestamptz NOT NULL, payload text) PARTITION BY RANGE (at);\n"};

// Flagged with or without history: every table zdlint has no history for is assumed to exist.
const std::string kBadIndex = "CREATE INDEX accounts_email_idx ON accounts (email);\n";
const std::string kFixedIndex = "CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email);\n";
// Flagged only when the history is seen: events is partitioned, and PostgreSQL refuses to build an
// index on a partitioned table concurrently. Without the history the statement looks fine.
const std::string kPartitionedIndex = "CREATE INDEX CONCURRENTLY events_payload_idx ON events (payload);\n";

}  // namespace

TEST_CASE("precommit: the hook manifest is valid for pre-commit") {
  if (!have_pre_commit()) return;
  const Sandbox sandbox;
  const auto r = sandbox.run(
      sandbox.dir(), {"pre-commit", "validate-manifest", zdlint::test::source_dir() + "/.pre-commit-hooks.yaml"});
  INFO(r.text);
  CHECK(r.exit_code == 0);
}

TEST_CASE("precommit: try-repo fails on a bad staged migration and passes the fixed one") {
  if (!have_pre_commit()) return;
  const Sandbox sandbox;
  const fs::path hooks = hook_repository(sandbox);
  const fs::path app = sandbox.repository("app", {kHistory});
  const std::vector<std::string> try_repo{"pre-commit", "try-repo", hooks.string(), "zdlint"};

  write_file(app / "migrations/0002_index_accounts.sql", kBadIndex);
  sandbox.git(app, {"add", "migrations/0002_index_accounts.sql"});
  auto r = sandbox.run(app, try_repo);
  INFO(r.text);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.text, "zdlint (PostgreSQL migrations)"));
  CHECK(contains(r.text, "Failed"));
  CHECK(contains(r.text, "migrations/0002_index_accounts.sql:1:1: error[create-index-non-concurrent]"));
  // The earlier migration is history, replayed but not reported.
  CHECK(!contains(r.text, "0001_create_tables.sql:"));

  // Fixed in the working tree and staged.
  write_file(app / "migrations/0002_index_accounts.sql", kFixedIndex);
  sandbox.git(app, {"add", "migrations/0002_index_accounts.sql"});
  r = sandbox.run(app, try_repo);
  INFO(r.text);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.text, "Passed"));
}

TEST_CASE("precommit: a staged migration is linted with the history of its directory") {
  if (!have_pre_commit()) return;
  const Sandbox sandbox;
  const fs::path hooks = hook_repository(sandbox);
  const fs::path app = sandbox.repository("app", {kHistory});
  write_file(app / "migrations/0002_index_events.sql", kPartitionedIndex);
  sandbox.git(app, {"add", "migrations/0002_index_events.sql"});

  SUBCASE("the staged files") {
    const auto r = sandbox.run(app, {"pre-commit", "try-repo", hooks.string(), "zdlint"});
    INFO(r.text);
    CHECK(r.exit_code == 1);
    CHECK(contains(r.text, "migrations/0002_index_events.sql:1:1: error[concurrently-on-partitioned-table]"));
  }
  SUBCASE("one file named with --files") {
    const auto r = sandbox.run(
        app, {"pre-commit", "try-repo", hooks.string(), "zdlint", "--files", "migrations/0002_index_events.sql"});
    INFO(r.text);
    CHECK(r.exit_code == 1);
    CHECK(contains(r.text, "migrations/0002_index_events.sql:1:1: error[concurrently-on-partitioned-table]"));
  }
}

TEST_CASE("precommit: a file list split into batches still sees the history of its migration directory") {
  if (!have_pre_commit()) return;
  Sandbox sandbox;
  const fs::path hooks = hook_repository(sandbox);
  const fs::path app = sandbox.repository("app", {kHistory});
  // pre-commit caps one command line at 128 KiB and splits longer file lists into several runs of
  // the hook. 800 files with ~230-byte names need at least two: the table is created in the first
  // run's files and indexed in the last run's.
  const std::string long_name(200, 'n');
  for (int i = 2; i <= 800; ++i) {
    char prefix[8];
    std::snprintf(prefix, sizeof prefix, "%04d", i);
    write_file(app / "migrations" / (std::string(prefix) + "_" + long_name + ".sql"),
               "SELECT " + std::to_string(i) + ";\n");
  }
  write_file(app / "migrations/0801_index_events.sql", kPartitionedIndex);
  sandbox.git(app, {"add", "-A"});

  // A zdlint on PATH that records each run's arguments, then runs the binary under test.
  const fs::path log = sandbox.dir() / "runs.log";
  write_file(sandbox.dir() / "spy/zdlint",
             "#!/bin/sh\n"
             "printf 'run' >> '" +
                 log.string() +
                 "'\n"
                 "for arg in \"$@\"; do printf ' %s' \"$arg\" >> '" +
                 log.string() +
                 "'; done\n"
                 "echo >> '" +
                 log.string() +
                 "'\n"
                 "exec '" ZDLINT_BINARY "' \"$@\"\n");
  fs::permissions(sandbox.dir() / "spy/zdlint", fs::perms::owner_all);
  sandbox.prepend_path(sandbox.dir() / "spy");

  const auto r = sandbox.run(app, {"pre-commit", "try-repo", hooks.string(), "zdlint", "--all-files"});
  INFO(r.text);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.text, "migrations/0801_index_events.sql:1:1: error[concurrently-on-partitioned-table]"));

  std::vector<std::string> runs;
  std::istringstream lines(read_file(log));
  for (std::string line; std::getline(lines, line);) runs.push_back(line);
  INFO("runs of zdlint: ", runs.size());
  REQUIRE(runs.size() >= 2);
  int with_history = 0, with_index = 0;
  for (const auto& run : runs) {
    if (contains(run, "0001_create_tables.sql")) ++with_history;
    if (contains(run, "0801_index_events.sql")) {
      ++with_index;
      CHECK(!contains(run, "0001_create_tables.sql"));  // the batch does not hold the history
    }
  }
  CHECK(with_history == 1);
  CHECK(with_index == 1);
}

TEST_CASE("precommit: the installed hook blocks git commit until the migration is fixed") {
  if (!have_pre_commit()) return;
  const Sandbox sandbox;
  const fs::path hooks = hook_repository(sandbox);
  const std::string rev = sandbox.git(hooks, {"rev-parse", "HEAD"});
  const std::string config = "repos:\n  - repo: " + hooks.string() + "\n    rev: " + rev.substr(0, rev.find('\n')) +
                             "\n    hooks:\n      - id: zdlint\n        files: ^migrations/\n";
  const fs::path app = sandbox.repository("app", {kHistory, {".pre-commit-config.yaml", config}});
  const auto install = sandbox.run(app, {"pre-commit", "install"});
  INFO(install.text);
  REQUIRE(install.exit_code == 0);

  write_file(app / "migrations/0002_index_events.sql", kPartitionedIndex);
  sandbox.git(app, {"add", "-A"});
  auto r = sandbox.run(app, {"git", "commit", "-m", "index events"});
  INFO(r.text);
  CHECK(r.exit_code != 0);
  CHECK(contains(r.text, "error[concurrently-on-partitioned-table]"));
  CHECK(sandbox.git(app, {"rev-list", "--count", "HEAD"}) == "1\n");

  // The parent's index only (a catalog change); the partitions' indexes follow in migrations of their own.
  write_file(app / "migrations/0002_index_events.sql",
             "SET lock_timeout = '2s';\nCREATE INDEX events_payload_idx ON ONLY events (payload);\n");
  sandbox.git(app, {"add", "-A"});
  r = sandbox.run(app, {"git", "commit", "-m", "index events"});
  INFO(r.text);
  CHECK(r.exit_code == 0);
  CHECK(sandbox.git(app, {"rev-list", "--count", "HEAD"}) == "2\n");
}

TEST_CASE("precommit: the plain git hook lints the staged content with its history") {
  const Sandbox sandbox;
  const fs::path app = sandbox.repository("app", {kHistory});
  const fs::path hook = app / ".git/hooks/pre-commit";
  fs::copy_file(zdlint::test::source_dir() + "/scripts/git-hooks/pre-commit", hook,
                fs::copy_options::overwrite_existing);
  fs::permissions(hook, fs::perms::owner_all);
  const auto commits = [&] { return sandbox.git(app, {"rev-list", "--count", "HEAD"}); };

  // A bad migration whose name has a space: the commit is blocked.
  const std::string bad = "migrations/0002 index accounts.sql";
  write_file(app / bad, kBadIndex);
  sandbox.git(app, {"add", "-A"});
  auto r = sandbox.run(app, {"git", "commit", "-m", "index accounts"});
  INFO(r.text);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.text, bad + ":1:1: error[create-index-non-concurrent]"));
  CHECK(commits() == "1\n");

  // Fixed in the working tree only: the staged content is still bad.
  write_file(app / bad, kFixedIndex);
  r = sandbox.run(app, {"git", "commit", "-m", "index accounts"});
  INFO(r.text);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.text, "error[create-index-non-concurrent]"));
  CHECK(commits() == "1\n");

  // Staged: the commit goes through.
  sandbox.git(app, {"add", "-A"});
  r = sandbox.run(app, {"git", "commit", "-m", "index accounts"});
  INFO(r.text);
  CHECK(r.exit_code == 0);
  CHECK(commits() == "2\n");

  // Only the history (committed earlier, not staged now) shows that events is partitioned.
  write_file(app / "migrations/0003_index_events.sql", kPartitionedIndex);
  sandbox.git(app, {"add", "-A"});
  r = sandbox.run(app, {"git", "commit", "-m", "index events"});
  INFO(r.text);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.text, "migrations/0003_index_events.sql:1:1: error[concurrently-on-partitioned-table]"));
  CHECK(!contains(r.text, "0002 index accounts.sql:"));
  CHECK(commits() == "2\n");

  // No .sql file staged: nothing to lint.
  sandbox.git(app, {"reset", "-q"});
  write_file(app / "README", "notes\n");
  sandbox.git(app, {"add", "README"});
  r = sandbox.run(app, {"git", "commit", "-m", "readme"});
  INFO(r.text);
  CHECK(r.exit_code == 0);
  CHECK(commits() == "3\n");
}

TEST_CASE("precommit: the plain git hook fails clearly when zdlint cannot be found") {
  const Sandbox sandbox;
  const fs::path app = sandbox.repository("app", {kHistory});
  const fs::path hook = app / ".git/hooks/pre-commit";
  fs::copy_file(zdlint::test::source_dir() + "/scripts/git-hooks/pre-commit", hook,
                fs::copy_options::overwrite_existing);
  fs::permissions(hook, fs::perms::owner_all);
  write_file(app / "migrations/0002_index_accounts.sql", kFixedIndex);
  sandbox.git(app, {"add", "-A"});
  const auto r = sandbox.run(app, {"env", "ZDLINT=/nonexistent/zdlint", "git", "commit", "-m", "x"});
  INFO(r.text);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.text, "'/nonexistent/zdlint' not found"));
}

TEST_CASE("precommit: docs/editors-and-hooks.md shows the plain git hook as shipped") {
  const std::string doc = read_file(zdlint::test::source_dir() + "/docs/editors-and-hooks.md");
  const std::string script = read_file(zdlint::test::source_dir() + "/scripts/git-hooks/pre-commit");
  REQUIRE(!script.empty());
  CHECK(contains(doc, "```bash\n" + script + "```\n"));
}
