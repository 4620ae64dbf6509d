// Fingerprints, --write-baseline / --baseline, --with-history, and the fields JSON findings carry
// for programs (fingerprint, locks, fix edits).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <ranges>

#include "analyzer/engine.h"
#include "analyzer/fingerprint.h"
#include "tests/test_support.h"

using zdlint::test::run_zdlint;
using zdlint::test::run_zdlint_in;
using zdlint::test::TempDir;
namespace fs = std::filesystem;

namespace {

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

nlohmann::json lint_json(const fs::path& cwd, std::vector<std::string> args) {
  args.insert(args.begin(), {"--format", "json"});
  const auto r = run_zdlint_in(cwd, args);
  INFO(r.err);
  REQUIRE(r.exit_code != 2);
  return nlohmann::json::parse(r.out);
}

// "rule@line" for each finding, in report order.
std::vector<std::string> findings(const nlohmann::json& doc) {
  std::vector<std::string> list;
  for (const auto& d : doc["diagnostics"])
    list.push_back(d["rule"].get<std::string>() + "@" + std::to_string(d["line"].get<int>()));
  return list;
}

const char* const kCreateTable = "CREATE TABLE accounts (id bigint PRIMARY KEY, email text);\n";
const char* const kTwoIndexes =
    "SET lock_timeout = '2s';\n"
    "CREATE INDEX accounts_email_idx ON accounts (email);\n"
    "CREATE INDEX accounts_email_id_idx ON accounts (email, id);\n";

}  // namespace

TEST_CASE("fingerprint: the normalized statement counts, not its layout or constants") {
  using zdlint::statement_fingerprint;
  const auto base = statement_fingerprint("ALTER TABLE t ADD COLUMN c int DEFAULT 1");
  CHECK(base.size() == 16);
  CHECK(statement_fingerprint("alter table t\n  -- why\n  add column c int default 2") == base);
  CHECK(statement_fingerprint("ALTER TABLE t ADD COLUMN d int DEFAULT 1") != base);
  CHECK(statement_fingerprint("ALTER TABLE u ADD COLUMN c int DEFAULT 1") != base);
  // The grammar rejects it: the text with whitespace collapsed is hashed instead.
  CHECK(statement_fingerprint("ALTER TABLE t ADD COLUMN") == statement_fingerprint("ALTER  TABLE t\nADD COLUMN"));
  CHECK(statement_fingerprint("ALTER TABLE t ADD COLUMN") != statement_fingerprint("ALTER TABLE u ADD COLUMN"));
}

TEST_CASE("fingerprint: stable when lines move, distinct per rule and occurrence") {
  const TempDir dir;
  dir.write("m/001_accounts.sql", kCreateTable);
  dir.write("m/002_index.sql", kTwoIndexes);
  const auto before = lint_json(dir.path(), {"--select", "create-index-non-concurrent", "m"});
  REQUIRE(findings(before) == std::vector<std::string>{"create-index-non-concurrent@2", "create-index-non-concurrent@3"});
  const std::string first = before["diagnostics"][0]["fingerprint"];
  const std::string second = before["diagnostics"][1]["fingerprint"];
  CHECK(first.size() == 16);
  CHECK(first != second);

  dir.write("m/002_index.sql", std::string("-- indexes for the login page\n\n\n") + kTwoIndexes);
  const auto after = lint_json(dir.path(), {"--select", "create-index-non-concurrent", "m"});
  REQUIRE(findings(after) == std::vector<std::string>{"create-index-non-concurrent@5", "create-index-non-concurrent@6"});
  CHECK(after["diagnostics"][0]["fingerprint"] == first);
  CHECK(after["diagnostics"][1]["fingerprint"] == second);

  // The same statement twice: the occurrence tells the findings apart.
  dir.write("m/002_index.sql", "CREATE INDEX i ON accounts (email);\nCREATE INDEX i ON accounts (email);\n");
  const auto twice = lint_json(dir.path(), {"--select", "create-index-non-concurrent", "m"});
  REQUIRE(twice["diagnostics"].size() == 2);
  CHECK(twice["diagnostics"][0]["fingerprint"] != twice["diagnostics"][1]["fingerprint"]);
}

TEST_CASE("fingerprint: statement fingerprints computed ahead are the ones findings get") {
  using namespace zdlint;
  const std::string text = "CREATE INDEX i ON t (a);\nSELECT 1;\nCREATE INDEX j ON t (b);\n-- end";
  const std::vector<ByteRange> statements{{0, 23}, {25, 33}, {35, 58}};
  const StatementFingerprints ahead = fingerprint_statements(text, statements, {0, 40, 5, 61});
  REQUIRE(ahead.size() == 2);  // offset 61 lies outside every statement; 0 and 5 share one
  CHECK(ahead.at(0) == statement_fingerprint("CREATE INDEX i ON t (a)"));
  CHECK(ahead.at(2) == statement_fingerprint("CREATE INDEX j ON t (b)"));

  const auto findings_at = [](std::vector<Diagnostic>& all) {
    all.resize(3);
    all[0].range = {0, 23};
    all[1].range = {40, 45};
    all[2].range = {61, 64};
    for (auto& d : all) d.rule = RuleId("create-index-non-concurrent");
    return std::vector<Diagnostic*>{&all[0], &all[1], &all[2]};
  };
  std::vector<Diagnostic> computed_here, computed_ahead, told_otherwise;
  assign_fingerprints(text, statements, findings_at(computed_here));
  assign_fingerprints(text, statements, findings_at(computed_ahead), ahead);
  for (size_t i = 0; i < 3; ++i) CHECK(computed_ahead[i].fingerprint == computed_here[i].fingerprint);
  // What is known is used as it is, not computed again.
  assign_fingerprints(text, statements, findings_at(told_otherwise), {{0, "not this statement's"}});
  CHECK(told_otherwise[0].fingerprint != computed_here[0].fingerprint);
  CHECK(told_otherwise[1].fingerprint == computed_here[1].fingerprint);
}

TEST_CASE("fingerprint: the same whether hashed from the trees on a worker, at once, or from the text") {
  // The replay leaves the hashing of its findings' statement trees to a worker, which runs it
  // before the trees are freed; a streamed file's trees are freed statement by statement, so its
  // are hashed at once. Either way a finding gets what hashing its statement's text gives.
  using namespace zdlint;
  const TempDir dir;
  const std::vector<std::string> texts{
      "CREATE TABLE accounts (id bigint PRIMARY KEY, email text, name text);\n",
      "CREATE INDEX a_email ON accounts (email);\nCREATE INDEX a_name ON accounts (name);\n",
      "-- again\nCREATE INDEX a_both ON accounts (email, name);\nCREATE INDEX a_email ON accounts (email);\n",
  };
  for (size_t i = 0; i < texts.size(); ++i) dir.write("m/00" + std::to_string(i + 1) + ".sql", texts[i]);
  const auto fingerprints = [&](unsigned jobs, bool streaming) {
    LintRequest request;
    request.paths = {(dir.path() / "m").string()};
    request.rules.select = {"create-index-non-concurrent"};
    request.jobs = jobs;
    if (streaming) request.parse.streaming_threshold_bytes = 0;
    const LintResult result = run_lint(request);
    std::vector<std::pair<std::string, std::string>> found;  // file name, fingerprint
    for (const auto& d : result.diagnostics)
      found.emplace_back(fs::path(result.files.at(d.file).path).filename().string(), d.fingerprint);
    return found;
  };
  const auto on_a_worker = fingerprints(2, false);
  REQUIRE(on_a_worker.size() == 4);
  CHECK(fingerprints(1, false) == on_a_worker);
  CHECK(fingerprints(2, true) == on_a_worker);

  // From the text: each file's statements are its lines that end with ';'.
  std::vector<std::string> from_text;
  for (const std::string& text : texts | std::views::drop(1)) {
    std::vector<ByteRange> statements;
    std::vector<Diagnostic> findings;
    for (size_t start = 0, end = 0; (end = text.find('\n', start)) != std::string::npos; start = end + 1) {
      if (text[end - 1] != ';') continue;
      statements.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(end - 1)});
      findings.emplace_back().range = statements.back();
      findings.back().rule = RuleId("create-index-non-concurrent");
    }
    std::vector<Diagnostic*> pointers;
    for (auto& d : findings) pointers.push_back(&d);
    assign_fingerprints(text, statements, pointers);
    for (const auto& d : findings) from_text.push_back(d.fingerprint);
  }
  REQUIRE(from_text.size() == 4);
  for (size_t i = 0; i < 4; ++i) CHECK(on_a_worker[i].second == from_text[i]);
  CHECK(on_a_worker[0].first == "002.sql");
  CHECK(on_a_worker[3].first == "003.sql");
  // The same statement in two files is the same finding to a baseline.
  CHECK(on_a_worker[0].second == on_a_worker[3].second);
  CHECK(on_a_worker[0].second != on_a_worker[1].second);
}

TEST_CASE("json: findings carry the statement's locks and the fix's edits") {
  const TempDir dir;
  dir.write("m/001_accounts.sql", kCreateTable);
  dir.write("m/002_index.sql", "CREATE INDEX accounts_email_idx ON accounts (email);\n");
  const auto doc = lint_json(dir.path(), {"--select", "create-index-non-concurrent", "m"});
  REQUIRE(doc["diagnostics"].size() == 1);
  const auto& d = doc["diagnostics"][0];
  REQUIRE(d["locks"].size() >= 1);
  CHECK(d["locks"][0]["relation"] == "public.accounts");
  CHECK(d["locks"][0]["lock"] == "ShareLock");
  CHECK(d["locks"][0]["blocks"] == nlohmann::json::array({"writes", "ddl"}));
  CHECK(d["locks"][0]["scan"] == true);
  CHECK(d["locks"][0]["rewrite"] == false);
  CHECK(d["locks"][0]["pre_existing"] == false);  // 001 created it
  REQUIRE(d["fix"].is_object());
  REQUIRE(d["fix"]["edits"].size() == 1);
  const auto& edit = d["fix"]["edits"][0];
  CHECK(edit["line"] == 1);
  CHECK(edit["column"] == 13);  // just after CREATE INDEX
  CHECK(edit["endColumn"] == 13);
  CHECK(edit["offset"] == 12);
  CHECK(edit["replacement"] == " CONCURRENTLY");

  // A rule without a fix: null.
  dir.write("m/003_rename.sql", "ALTER TABLE accounts RENAME COLUMN email TO mail;\n");
  const auto rename = lint_json(dir.path(), {"--select", "rename-column", "m"});
  REQUIRE(rename["diagnostics"].size() == 1);
  CHECK(rename["diagnostics"][0]["fix"].is_null());
  CHECK(rename["diagnostics"][0]["locks"][0]["lock"] == "AccessExclusiveLock");
}

TEST_CASE("json: each finding carries the locks of its own statement; none unless asked") {
  const TempDir dir;
  dir.write("m/001_tables.sql", std::string(kCreateTable) + "CREATE TABLE orders (id bigint, total int);\n");
  // Three statements: the first and the third lock the same table, the second another one.
  dir.write("m/002_change.sql",
            "ALTER TABLE accounts RENAME COLUMN email TO mail;\n"
            "CREATE INDEX orders_total_idx ON orders (total);\n"
            "ALTER TABLE accounts RENAME COLUMN id TO account_id;\n");
  zdlint::LintRequest request;
  request.paths = {(dir.path() / "m").string()};
  request.rules.select = {"rename-column", "create-index-non-concurrent"};
  const auto locked = [](const zdlint::Diagnostic& d) {
    std::vector<std::string> list;
    for (const auto& lock : d.locks) list.push_back(lock.relation + " " + std::string(zdlint::lock_name(lock.mode)));
    return list;
  };
  const zdlint::LintResult described = zdlint::run_lint(request);
  REQUIRE(described.diagnostics.size() == 3);
  CHECK(described.diagnostics[0].rule.str() == "rename-column");
  CHECK(locked(described.diagnostics[0]) == std::vector<std::string>{"public.accounts AccessExclusiveLock"});
  CHECK(described.diagnostics[1].rule.str() == "create-index-non-concurrent");
  // CREATE INDEX also locks the index it creates.
  CHECK(locked(described.diagnostics[1]) ==
        std::vector<std::string>{"public.orders ShareLock", "public.orders_total_idx AccessExclusiveLock"});
  CHECK(described.diagnostics[2].rule.str() == "rename-column");
  CHECK(locked(described.diagnostics[2]) == std::vector<std::string>{"public.accounts AccessExclusiveLock"});

  request.describe_locks = false;  // what the command line asks for every format but JSON
  const zdlint::LintResult bare = zdlint::run_lint(request);
  REQUIRE(bare.diagnostics.size() == 3);
  for (const auto& d : bare.diagnostics) CHECK(d.locks.empty());
}

TEST_CASE("json: findings a file reports at its end are sorted in among those of its statements") {
  const TempDir dir;
  // uncommitted-transaction is reported when the file ends, about its BEGIN.
  dir.write("m/001_a.sql", "CREATE TABLE accounts (id bigint, email text);\n");
  dir.write("m/002_b.sql",
            "BEGIN;\n"
            "SELECT 1;\n"
            "CREATE INDEX accounts_email_idx ON accounts (email);\n"
            "ALTER TABLE accounts RENAME COLUMN email TO mail;\n");
  dir.write("m/003_c.sql",
            "ALTER TABLE accounts RENAME COLUMN mail TO email;\n"
            "BEGIN;\n"
            "CREATE INDEX accounts_id_idx ON accounts (id);\n");
  const auto doc = lint_json(
      dir.path(), {"--select", "uncommitted-transaction,create-index-non-concurrent,rename-column", "m"});
  CHECK(findings(doc) == std::vector<std::string>{"uncommitted-transaction@1", "create-index-non-concurrent@3",
                                                  "rename-column@4", "rename-column@1", "uncommitted-transaction@2",
                                                  "create-index-non-concurrent@3"});
  std::vector<std::string> files;
  for (const auto& d : doc["diagnostics"]) files.push_back(d["file"].get<std::string>());
  CHECK(files == std::vector<std::string>{"m/002_b.sql", "m/002_b.sql", "m/002_b.sql", "m/003_c.sql", "m/003_c.sql",
                                          "m/003_c.sql"});
}

TEST_CASE("fingerprint: computed only when asked for (the text and GitHub outputs show none)") {
  const TempDir dir;
  dir.write("m/001_accounts.sql", kCreateTable);
  dir.write("m/002_index.sql", kTwoIndexes);
  zdlint::LintRequest request;
  request.paths = {(dir.path() / "m").string()};
  request.fingerprints = false;
  const zdlint::LintResult without = zdlint::run_lint(request);
  request.fingerprints = true;
  const zdlint::LintResult with = zdlint::run_lint(request);
  REQUIRE(without.diagnostics.size() == with.diagnostics.size());
  REQUIRE(std::count_if(with.diagnostics.begin(), with.diagnostics.end(), [](const zdlint::Diagnostic& d) {
            return d.rule.str() == "create-index-non-concurrent";
          }) == 2);
  for (size_t i = 0; i < with.diagnostics.size(); ++i) {
    CAPTURE(with.diagnostics[i].rule.str());
    CHECK(without.diagnostics[i].fingerprint.empty());
    CHECK(with.diagnostics[i].fingerprint.size() == 16);
  }
}

TEST_CASE("baseline: recorded findings stay hidden when lines move; new ones are reported") {
  const TempDir dir;
  dir.write("m/001_accounts.sql", kCreateTable);
  dir.write("m/002_index.sql", kTwoIndexes);
  const std::string only = "--select=create-index-non-concurrent";
  const auto written = run_zdlint_in(dir.path(), {only, "--write-baseline", "zdlint-baseline.json", "m"});
  CHECK(written.exit_code == 0);  // the baseline absorbs every finding it just recorded
  CHECK(contains(written.err, "zdlint: wrote 2 findings to the baseline zdlint-baseline.json"));
  const auto recorded = nlohmann::json::parse(zdlint::test::slurp(dir.path() / "zdlint-baseline.json"));
  CHECK(recorded["zdlintBaseline"] == 1);
  REQUIRE(recorded["findings"].size() == 2);
  CHECK(recorded["findings"][0]["file"] == "m/002_index.sql");  // relative to the baseline's directory
  CHECK(recorded["findings"][0]["rule"] == "create-index-non-concurrent");
  CHECK(recorded["findings"][0]["line"] == 2);
  // Written by a text run, whose output shows no fingerprint: the statements' fingerprints all the same.
  const std::string first = recorded["findings"][0]["fingerprint"].get<std::string>();
  const std::string second = recorded["findings"][1]["fingerprint"].get<std::string>();
  CHECK(first.size() == 16);
  CHECK(second.size() == 16);
  CHECK(first != second);

  // Lines inserted above both findings: still matched, nothing reported.
  dir.write("m/002_index.sql", std::string("-- a\n-- b\n\n") + kTwoIndexes);
  const auto moved = run_zdlint_in(dir.path(), {only, "--baseline", "zdlint-baseline.json", "m"});
  CHECK(moved.exit_code == 0);
  CHECK(contains(moved.out, "0 errors, 0 warnings, 0 infos"));
  CHECK(contains(moved.err, "zdlint: 2 findings recorded in zdlint-baseline.json not shown"));

  // From another working directory the baseline still applies (paths are relative to it).
  const auto elsewhere = run_zdlint_in(dir.path() / "m", {only, "--baseline", "../zdlint-baseline.json", "."});
  CHECK(elsewhere.exit_code == 0);

  // A new finding in the same file is reported, alone, at its position.
  dir.write("m/002_index.sql", std::string("-- a\n-- b\n\n") + kTwoIndexes +
                                   "CREATE INDEX accounts_id_email_idx ON accounts (id, email);\n");
  const auto added = lint_json(dir.path(), {only, "--baseline", "zdlint-baseline.json", "m"});
  CHECK(findings(added) == std::vector<std::string>{"create-index-non-concurrent@7"});

  // One index fixed: its entry is stale and said so.
  dir.write("m/002_index.sql",
            "SET lock_timeout = '2s';\nCREATE INDEX accounts_email_idx ON accounts (email);\n");
  const auto fixed = run_zdlint_in(dir.path(), {only, "--baseline", "zdlint-baseline.json", "m"});
  CHECK(fixed.exit_code == 0);
  CHECK(contains(fixed.err, "zdlint: 1 entry of zdlint-baseline.json no longer matches a finding"));
}

TEST_CASE("baseline: a missing or malformed file stops the run with exit code 2") {
  const TempDir dir;
  dir.write("m/001.sql", "SELECT 1;\n");
  const auto missing = run_zdlint_in(dir.path(), {"--baseline", "nope.json", "m"});
  CHECK(missing.exit_code == 2);
  CHECK(contains(missing.err, "zdlint: error: nope.json: cannot be read"));
  dir.write("bad.json", "{\"findings\": [");
  const auto malformed = run_zdlint_in(dir.path(), {"--baseline", "bad.json", "m"});
  CHECK(malformed.exit_code == 2);
  CHECK(contains(malformed.err, "zdlint: error: bad.json: not a zdlint baseline: invalid JSON at byte 15"));
  dir.write("other.json", "{\"zdlintBaseline\": 1, \"findings\": [{\"file\": \"m/001.sql\"}]}");
  const auto incomplete = run_zdlint_in(dir.path(), {"--baseline", "other.json", "m"});
  CHECK(incomplete.exit_code == 2);
  CHECK(contains(incomplete.err, "findings[0] needs string fields file, rule and fingerprint"));
}

TEST_CASE("with-history: a file linted alone sees the migrations before it, reported alone") {
  const TempDir dir;
  dir.write("m/001_accounts.sql", kCreateTable);
  dir.write("m/002_rename.sql", "ALTER TABLE accounts RENAME COLUMN email TO mail;\n");
  dir.write("m/010_index.sql", "CREATE INDEX accounts_mail_idx ON accounts (mail);\n");
  dir.write("m/011_later.sql", "DROP TABLE accounts;\n");

  // Alone, accounts is unknown: assumed pre-existing, large and busy.
  const auto alone = lint_json(dir.path(), {"--select", "create-index-non-concurrent", "m/010_index.sql"});
  REQUIRE(alone["diagnostics"].size() == 1);
  CHECK(contains(alone["diagnostics"][0]["message"], "not created by these migrations"));

  // With its history, accounts is known (created in 001); 002's rename and 011 are not reported.
  const auto doc = lint_json(dir.path(), {"--with-history", "m/010_index.sql"});
  CHECK(findings(doc) == std::vector<std::string>{"create-index-non-concurrent@1", "missing-lock-timeout@1",
                                                 "missing-statement-timeout@1"});
  CHECK(!contains(doc["diagnostics"][0]["message"], "not created by these migrations"));
  REQUIRE(doc["files"].size() == 1);
  CHECK(doc["files"][0]["path"] == "m/010_index.sql");
  CHECK(doc["summary"]["files"] == 1);

  // 011 comes after 010: neither history nor checked.
  const auto text = run_zdlint_in(dir.path(), {"--with-history", "--color", "never", "m/010_index.sql"});
  CHECK(contains(text.out, "Checked 1 file, 1 statement:"));

  // Standard input named after a file of the directory replaces it, with the history before it.
  const auto edited = run_zdlint_in(dir.path(),
                                    {"--format", "json", "--with-history", "--stdin-filename", "m/010_index.sql",
                                     "--select", "create-index-non-concurrent", "-"},
                                    "CREATE INDEX CONCURRENTLY accounts_mail_idx ON accounts (mail);\n");
  CHECK(edited.exit_code == 0);
  // A new, unsaved file sorts where its name puts it.
  const auto fresh = run_zdlint_in(dir.path(),
                                   {"--format", "json", "--with-history", "--stdin-filename", "m/003_new.sql",
                                    "--select", "rename-column", "-"},
                                   "ALTER TABLE accounts RENAME COLUMN mail TO email_address;\n");
  const auto fresh_doc = nlohmann::json::parse(fresh.out);
  REQUIRE(fresh_doc["diagnostics"].size() == 1);
  CHECK(fresh_doc["diagnostics"][0]["file"] == "m/003_new.sql");
  CHECK(contains(fresh_doc["diagnostics"][0]["message"], "renaming column \"mail\""));  // 002's rename was replayed
}
