// The SARIF 2.1.0 format (--format sarif), run through the real binary. Every document a test
// produces is also validated with Microsoft's SARIF Multitool and GitHub's ingestion rules
// (`validate --rule-kind "Sarif;Ghas"`) and the OASIS schema when scripts/install-sarif-tools.sh
// has installed them (into build-tools/sarif, or $ZDLINT_SARIF_TOOLS).
#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "reporters/reporter.h"
#include "rules/registry.h"
#include "rules/rule_docs.h"
#include "tests/sarif_validation.h"
#include "tests/test_support.h"

using nlohmann::json;
using zdlint::test::run_zdlint;
using zdlint::test::TempDir;
namespace fs = std::filesystem;

namespace {

// The current directory is %SRCROOT%: tests that check relative URIs run the binary from a temp dir.
class InDirectory {
 public:
  explicit InDirectory(const fs::path& dir) : previous_(fs::current_path()) { fs::current_path(dir); }
  ~InDirectory() {
    std::error_code ec;
    fs::current_path(previous_, ec);
  }
  InDirectory(const InDirectory&) = delete;
  InDirectory& operator=(const InDirectory&) = delete;

 private:
  fs::path previous_;
};

// Every SARIF document the tests produce must pass, when the tools are installed.
void validate(const std::string& sarif) {
  const zdlint::test::SarifValidation v = zdlint::test::validate_sarif(sarif);
  if (!v.ran) {
    static bool told = false;
    if (!told) MESSAGE("SARIF validators not installed (scripts/install-sarif-tools.sh): validation skipped");
    told = true;
    return;
  }
  CHECK_MESSAGE(v.multitool_errors == 0, v.output);
  CHECK_MESSAGE(v.multitool_warnings == 0, v.output);
  CHECK_MESSAGE(v.schema_exit == 0, v.output);
}

json sarif_of(const zdlint::test::RunResult& r) {
  const json doc = json::parse(r.out);
  validate(r.out);
  return doc;
}

const json& only_run(const json& doc) {
  REQUIRE(doc["runs"].size() == 1);
  return doc["runs"][0];
}

// The file behind the reference samples: line 3 has an emoji before the statement.
const std::string kEmojiMigration =
    "-- V2: add e-mail column\n"
    "ALTER TABLE users ADD COLUMN email text NOT NULL;\n"
    "/* \xF0\x9F\x9A\x80 fast path */ CREATE INDEX idx_users_email ON users (email);\n";

}  // namespace

TEST_CASE("sarif: primaryLocationLineHash matches codeql-action's test vectors") {
  using zdlint::primary_location_line_hashes;
  CHECK(primary_location_line_hashes("") == std::vector<std::string>{"c129715d7a2bc9a3:1"});
  CHECK(primary_location_line_hashes(" a\nb\n  \t\tc\n d") ==
        std::vector<std::string>{"271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1", "a23a3dc5e078b07b:1"});
  CHECK(primary_location_line_hashes(" hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n") ==
        std::vector<std::string>{"e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1",
                                 "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1"});
  std::string lorem;
  for (int i = 0; i < 10; ++i) lorem += "Lorem ipsum dolor sit amet.\n";
  CHECK(primary_location_line_hashes(lorem) ==
        std::vector<std::string>{"a7f2ff13bc495cf2:1", "a7f2ff13bc495cf2:2", "a7f2ff13bc495cf2:3", "a7f2ff13bc495cf2:4",
                                 "a7f2ff13bc495cf2:5", "a7f2ff13bc495cf2:6", "a7f2ff1481e87703:1", "a9cf91f7bbf1862b:1",
                                 "55ec222b86bcae53:1", "cc97dc7b1d7d8f7b:1", "c129715d7a2bc9a3:1"});
  // Non-ASCII text hashes UTF-16 code units: the values codeql-action's own TypeScript gives.
  CHECK(
      primary_location_line_hashes(kEmojiMigration) ==
      std::vector<std::string>{"3800f9eab6aef13e:1", "46449d88204669ca:1", "f2e65bb003a22bcb:1", "c129715d7a2bc9a3:1"});
}

TEST_CASE("sarif: URIs are percent-encoded RFC 3986 paths") {
  CHECK(zdlint::sarif_percent_encode_path("migrations/V1__init.sql") == "migrations/V1__init.sql");
  CHECK(zdlint::sarif_percent_encode_path("my dir/V2 \xC3\xA9%#?.sql") == "my%20dir/V2%20%C3%A9%25%23%3F.sql");
}

TEST_CASE("sarif: the line hashes of some lines are those of the whole file's") {
  using zdlint::primary_location_line_hashes;
  // Repeated lines share a hash, so their occurrences count up: 1, 2, 3, … The hash of a line
  // covers the next 100 non-blank characters, so the last lines before the end differ.
  std::string text;
  for (int i = 0; i < 30; ++i) text += i % 3 == 2 ? "VACUUM FULL t;\n" : "SELECT 1;\n";
  text += "  \r\n\n-- done";
  const std::vector<std::string> all = primary_location_line_hashes(text);
  REQUIRE(all.size() == 33);
  CHECK(all[3] == all[0].substr(0, all[0].find(':')) + ":2");  // line 4 repeats line 1
  const std::vector<std::vector<uint32_t>> subsets = {
      {1}, {4, 7}, {3, 6, 9, 12}, {30}, {31, 32, 33}, {2, 17, 29, 33}, {},
  };
  for (const auto& lines : subsets) {
    CAPTURE(lines.size());
    std::vector<std::string> expected;
    for (const uint32_t line : lines) expected.push_back(all[line - 1]);
    CHECK(primary_location_line_hashes(text, lines) == expected);
  }
  // A line past the end has no hash.
  CHECK(primary_location_line_hashes(text, {33, 40}) == std::vector<std::string>{all[32], ""});
}

TEST_CASE("sarif: a finding on a line with an emoji, in a path with spaces") {
  const TempDir dir;
  dir.write("my dir/V2 \xC3\xA9.sql", kEmojiMigration);
  const InDirectory cwd(dir.path());
  const auto r = run_zdlint({"--format", "sarif", "--select", "create-index-non-concurrent", "my dir"});
  CHECK(r.exit_code == 1);
  const json doc = sarif_of(r);
  CHECK(doc["version"] == "2.1.0");
  CHECK(doc["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json");
  const json& run = only_run(doc);
  CHECK(run["columnKind"] == "utf16CodeUnits");
  const json& driver = run["tool"]["driver"];
  CHECK(driver["name"] == "zdlint");
  CHECK(driver["version"] == ZDLINT_VERSION);
  CHECK(driver["semanticVersion"] == ZDLINT_VERSION);
  REQUIRE(driver["rules"].size() == 1);
  CHECK(driver["rules"][0]["id"] == "create-index-non-concurrent");
  CHECK(run["originalUriBaseIds"]["%SRCROOT%"]["uri"] ==
        "file://" + zdlint::sarif_percent_encode_path(fs::weakly_canonical(dir.path()).generic_string()) + "/");
  CHECK(run["invocations"][0]["executionSuccessful"] == true);
  CHECK(run["invocations"][0]["exitCode"] == 1);
  CHECK(run["invocations"][0]["toolExecutionNotifications"] == json::array());

  REQUIRE(run["results"].size() == 1);
  const json& result = run["results"][0];
  CHECK(result["ruleId"] == "create-index-non-concurrent");
  CHECK(result["ruleIndex"] == 0);
  CHECK(result["level"] == "error");
  CHECK(result["message"]["text"].get<std::string>().starts_with("CREATE INDEX without CONCURRENTLY takes ShareLock"));
  REQUIRE(result["locations"].size() == 1);
  const json& location = result["locations"][0]["physicalLocation"];
  CHECK(location["artifactLocation"] == json{{"uri", "my%20dir/V2%20%C3%A9.sql"}, {"uriBaseId", "%SRCROOT%"}});
  // UTF-16 columns: the emoji is 2 code units (1 code point, 4 bytes); the end is exclusive.
  CHECK(location["region"]["startLine"] == 3);
  CHECK(location["region"]["startColumn"] == 20);
  CHECK(location["region"]["endLine"] == 3);
  CHECK(location["region"]["endColumn"] == 65);
  CHECK(location["region"]["snippet"]["text"] == "CREATE INDEX idx_users_email ON users (email)");
  // The hash codeql-action computes for line 3 of this file.
  CHECK(result["partialFingerprints"]["primaryLocationLineHash"] == "f2e65bb003a22bcb:1");
  // The fix inserts " CONCURRENTLY" after "CREATE INDEX": an empty region at UTF-16 column 32.
  REQUIRE(result["fixes"].size() == 1);
  const json& change = result["fixes"][0]["artifactChanges"][0];
  CHECK(change["artifactLocation"]["uri"] == "my%20dir/V2%20%C3%A9.sql");
  CHECK(change["replacements"][0]["deletedRegion"] ==
        json{{"startLine", 3}, {"startColumn", 32}, {"endLine", 3}, {"endColumn", 32}});
  CHECK(change["replacements"][0]["insertedContent"]["text"] == " CONCURRENTLY");
}

TEST_CASE("sarif: artifact URIs name the file a symbolic link or a '..' leads to") {
  const TempDir dir;
  dir.write("real/m/1.sql", "VACUUM FULL t;\n");
  fs::create_directory_symlink("real", dir.path() / "link");      // link -> real
  fs::create_directory_symlink("real/m", dir.path() / "deep");    // deep -> real/m
  const InDirectory cwd(dir.path());
  const auto uri_of = [](const std::vector<std::string>& args) {
    const auto r = run_zdlint(args);
    INFO(r.err);
    const json doc = sarif_of(r);
    const json& results = only_run(doc)["results"];
    REQUIRE(results.size() == 1);
    return results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].get<std::string>();
  };
  CHECK(uri_of({"--format", "sarif", "--select", "vacuum-full", "link/m"}) == "real/m/1.sql");
  CHECK(uri_of({"--format", "sarif", "--select", "vacuum-full", "real/m/../m/1.sql"}) == "real/m/1.sql");
  // ".." after a link leaves the link's target (real/m/..), not the link's directory.
  CHECK(uri_of({"--format", "sarif", "--select", "vacuum-full", "deep/../m/1.sql"}) == "real/m/1.sql");
  CHECK(uri_of({"--format", "sarif", "--select", "vacuum-full", "deep/1.sql"}) == "real/m/1.sql");
}

TEST_CASE("sarif: a symbolic link to a file found in a directory is named by its target") {
  // Discovery's listing says which entries are links; the URI must not name the link either way the
  // directory is given (its listings are keyed by the path walked, relative or absolute).
  const TempDir dir;
  dir.write("m/a/1.sql", "VACUUM FULL t;\n");
  fs::create_directories(dir.path() / "m/b");
  fs::create_symlink("../a/1.sql", dir.path() / "m/b/2.sql");
  const InDirectory cwd(dir.path());
  for (const std::string& argument : {std::string("m"), (dir.path() / "m").string()}) {
    INFO(argument);
    const auto r = run_zdlint({"--format", "sarif", "--select", "vacuum-full", argument});
    INFO(r.err);
    const json doc = sarif_of(r);
    const json& results = only_run(doc)["results"];
    REQUIRE(results.size() == 2);
    for (const json& result : results)
      CHECK(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "m/a/1.sql");
  }
}

TEST_CASE("sarif: a clean run lists every enabled rule and an empty results array") {
  const TempDir dir;
  dir.write("ok.sql", "CREATE TABLE t (id int);\n");
  const InDirectory cwd(dir.path());
  const auto r = run_zdlint({"--format", "sarif", "ok.sql"});
  CHECK(r.exit_code == 0);
  const json doc = sarif_of(r);
  const json& run = only_run(doc);
  CHECK(run["results"] == json::array());
  CHECK(run["invocations"][0]["exitCode"] == 0);
  const json& rules = run["tool"]["driver"]["rules"];
  REQUIRE(rules.size() == zdlint::all_rules().size());
  size_t i = 0;
  for (const zdlint::Rule* rule : zdlint::all_rules()) {
    const auto& m = rule->meta;
    const json& rd = rules[i++];
    CAPTURE(m.id);
    CHECK(rd["id"] == m.id);
    CHECK(rd["shortDescription"]["text"].get<std::string>().starts_with(std::string(m.summary)));
    CHECK(rd["fullDescription"]["text"].get<std::string>().starts_with(std::string(m.rationale)));
    REQUIRE(zdlint::rule_doc(m.id));
    CHECK(rd["help"]["markdown"] == std::string(*zdlint::rule_doc(m.id)));
    CHECK(!rd["help"]["text"].get<std::string>().empty());
    CHECK(rd["helpUri"].get<std::string>().ends_with("/docs/rules/" + std::string(m.id) + ".md"));
    const std::string level = m.severity == zdlint::Severity::Error     ? "error"
                              : m.severity == zdlint::Severity::Warning ? "warning"
                                                                        : "note";
    CHECK(rd["defaultConfiguration"]["level"] == level);
    CHECK(rd["properties"]["tags"].size() >= 1);
    CHECK(rd["properties"]["precision"].is_string());
    CHECK(rd["properties"]["problem.severity"].is_string());
  }

  const auto selected = sarif_of(run_zdlint({"--format", "sarif", "--select", "rename-column,vacuum-full", "ok.sql"}));
  const json& selected_rules = only_run(selected)["tool"]["driver"]["rules"];
  REQUIRE(selected_rules.size() == 2);
  CHECK(selected_rules[0]["id"] == "rename-column");
  CHECK(selected_rules[1]["id"] == "vacuum-full");
}

TEST_CASE("sarif: ruleIndex points at the result's rule; notes with a place are relatedLocations") {
  const TempDir dir;
  dir.write("m/1.sql", "CREATE TABLE x (a int);\nCREATE INDEX CONCURRENTLY i ON t (a);\n");
  dir.write("m/2.sql", "SELECT '\xC3\xA9\xF0\x9F\x98\x80'; ALTER TABLE t RENAME COLUMN a TO b;\r\nVACUUM FULL t;\r\n");
  const InDirectory cwd(dir.path());
  const auto r = run_zdlint({"--format", "sarif", "m"});
  CHECK(r.exit_code == 1);
  const json doc = sarif_of(r);
  const json& run = only_run(doc);
  const json& rules = run["tool"]["driver"]["rules"];
  bool saw_related = false, saw_rename = false;
  for (const auto& result : run["results"]) {
    REQUIRE(result["ruleIndex"].get<size_t>() < rules.size());
    CHECK(rules[result["ruleIndex"].get<size_t>()]["id"] == result["ruleId"]);
    CHECK(result["partialFingerprints"]["primaryLocationLineHash"].is_string());
    const json& uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
    if (result["ruleId"] == "concurrently-mixed-with-other-statements" && uri == "m/1.sql") {
      REQUIRE(result["relatedLocations"].size() == 1);
      const json& related = result["relatedLocations"][0];
      CHECK(related["id"] == 1);
      CHECK(related["physicalLocation"]["artifactLocation"]["uri"] == "m/1.sql");
      CHECK(related["physicalLocation"]["region"] == json{{"startLine", 1},
                                                          {"startColumn", 1},
                                                          {"endLine", 1},
                                                          {"endColumn", 23},
                                                          {"snippet", {{"text", "CREATE TABLE x (a int)"}}}});
      CHECK(related["message"]["text"] == "another statement of the same file.");
      saw_related = true;
    }
    if (result["ruleId"] == "rename-column") {
      const json& region = result["locations"][0]["physicalLocation"]["region"];
      // "SELECT 'é😀'; " is 13 code points, 14 UTF-16 code units, 17 bytes.
      CHECK(region["startLine"] == 1);
      CHECK(region["startColumn"] == 15);
      CHECK(region["endColumn"] == 49);
      CHECK(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "m/2.sql");
      saw_rename = true;
    }
  }
  CHECK(saw_related);
  CHECK(saw_rename);
}

TEST_CASE("sarif: input problems are toolExecutionNotifications; files outside the directory get file: URIs") {
  const TempDir dir;
  dir.write("inside/ok.sql", "ALTER TABLE t RENAME COLUMN a TO b;\n");
  const auto outside = dir.write("outside/x y.sql", "ALTER TABLE t RENAME COLUMN a TO b;\n");
  const InDirectory cwd(dir.path() / "inside");
  const auto r =
      run_zdlint({"--format", "sarif", "--select", "rename-column", "ok.sql", "missing.sql", outside.string()});
  CHECK(r.exit_code == 2);
  const json doc = sarif_of(r);
  const json& run = only_run(doc);
  const json& invocation = run["invocations"][0];
  CHECK(invocation["executionSuccessful"] == true);  // it ran to the end; only crashes and usage errors are false
  CHECK(invocation["exitCode"] == 2);
  REQUIRE(invocation["toolExecutionNotifications"].size() == 1);
  const json& notification = invocation["toolExecutionNotifications"][0];
  CHECK(notification["level"] == "error");
  CHECK(notification["locations"][0]["physicalLocation"]["artifactLocation"] ==
        json{{"uri", "missing.sql"}, {"uriBaseId", "%SRCROOT%"}});
  CHECK(notification["message"]["text"].get<std::string>().starts_with("missing.sql: "));

  REQUIRE(run["results"].size() == 2);
  CHECK(run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"] ==
        json{{"uri", "ok.sql"}, {"uriBaseId", "%SRCROOT%"}});
  const json& far = run["results"][1]["locations"][0]["physicalLocation"]["artifactLocation"];
  CHECK(far ==
        json{{"uri", "file://" + zdlint::sarif_percent_encode_path(fs::weakly_canonical(outside).generic_string())}});
}

// Files found by walking a directory take the reporter's quick way to their location (their
// directory resolved once, discovery knowing they are not links), outside the base directory too.
TEST_CASE("sarif: files found in a directory outside the current one get file: URIs") {
  const TempDir dir;
  fs::create_directories(dir.path() / "inside");
  dir.write("outside/db/1 add.sql", "ALTER TABLE t RENAME COLUMN a TO b;\n");
  dir.write("outside/db/2 add.sql", "ALTER TABLE t RENAME COLUMN b TO c;\n");
  const InDirectory cwd(dir.path() / "inside");
  const auto r = run_zdlint({"--format", "sarif", "--select", "rename-column", (dir.path() / "outside").string()});
  CHECK(r.exit_code == 1);
  const json doc = sarif_of(r);
  const json& run = only_run(doc);
  const std::string outside = fs::weakly_canonical(dir.path() / "outside").generic_string();
  REQUIRE(run["results"].size() == 2);
  CHECK(run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"] ==
        json{{"uri", "file://" + zdlint::sarif_percent_encode_path(outside + "/db/1 add.sql")}});
  CHECK(run["results"][1]["locations"][0]["physicalLocation"]["artifactLocation"] ==
        json{{"uri", "file://" + zdlint::sarif_percent_encode_path(outside + "/db/2 add.sql")}});
  CHECK(run["results"][1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].get<std::string>().ends_with(
      "/outside/db/2%20add.sql"));
}

TEST_CASE("sarif: standard input is reported under --stdin-filename") {
  const auto r = run_zdlint({"--format", "sarif", "--stdin-filename", "db/migrate/7 drop.sql", "-"},
                            "ALTER TABLE t DROP COLUMN c;\n");
  CHECK(r.exit_code == 1);
  const json doc = sarif_of(r);
  const json& run = only_run(doc);
  REQUIRE(!run["results"].empty());
  for (const auto& result : run["results"])
    CHECK(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "db/migrate/7%20drop.sql");
}

TEST_CASE("sarif: the validators reject what GitHub rejects") {
  // Schema-valid but unusable for GitHub: no driver.rules, a message with no text, no locations.
  const std::string github_bad = R"({"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
    "runs": [{"tool": {"driver": {"name": "zdlint"}}, "columnKind": "utf16CodeUnits",
      "results": [{"ruleId": "x", "message": {"id": "default", "arguments": ["a"]}, "locations": []}]}]})";
  const zdlint::test::SarifValidation github = zdlint::test::validate_sarif(github_bad);
  if (!github.ran) return;
  CHECK(github.multitool_errors > 0);
  CHECK(github.schema_exit == 0);
  // Schema-invalid: an unknown level and line 0.
  const std::string schema_bad = R"({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "zdlint", "rules": []}},
    "results": [{"level": "critical", "message": {"text": "x."}, "locations": [{"physicalLocation":
      {"artifactLocation": {"uri": "a b.sql"}, "region": {"startLine": 0}}}]}]}]})";
  const zdlint::test::SarifValidation schema = zdlint::test::validate_sarif(schema_bad);
  CHECK(schema.schema_exit != 0);
  CHECK(schema.output.find("level is not one of enum values") != std::string::npos);
  CHECK(schema.output.find("startLine must be greater than or equal to 1") != std::string::npos);
  CHECK(schema.output.find("uri-reference") != std::string::npos);
}

TEST_CASE("sarif: suppressed findings are left out, or listed with suppressions[] by --include-suppressed") {
  const TempDir dir;
  dir.write("s.sql",
            "-- zdlint-ignore rename-column: added by 041, unreleased\n"
            "ALTER TABLE t RENAME COLUMN a TO b;\n"
            "ALTER TABLE t RENAME COLUMN c TO d;\n");
  const InDirectory cwd(dir.path());
  const auto plain = sarif_of(run_zdlint({"--format", "sarif", "--select", "rename-column", "s.sql"}));
  const json& plain_results = only_run(plain)["results"];
  REQUIRE(plain_results.size() == 1);
  CHECK(plain_results[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 3);
  CHECK(!plain_results[0].contains("suppressions"));

  const auto r = run_zdlint({"--format", "sarif", "--include-suppressed", "--select", "rename-column", "s.sql"});
  CHECK(r.exit_code == 1);
  const json doc = sarif_of(r);
  const json& results = only_run(doc)["results"];
  REQUIRE(results.size() == 2);
  CHECK(results[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 2);
  REQUIRE(results[0]["suppressions"].size() == 1);
  const json& suppression = results[0]["suppressions"][0];
  CHECK(suppression["kind"] == "inSource");
  CHECK(suppression["status"] == "accepted");
  CHECK(suppression["justification"] == "added by 041, unreleased");
  CHECK(suppression["location"]["physicalLocation"]["region"]["startLine"] == 1);
  CHECK(results[1]["locations"][0]["physicalLocation"]["region"]["startLine"] == 3);
  CHECK(results[1]["suppressions"] == json::array());
}

TEST_CASE("sarif: many results, written in chunks on several threads, come out in order and whole") {
  // 5,000 results are 20 chunks of 256, more than the ring of chunk strings holds for 3 threads:
  // a chunk printed out of order, twice, or overwritten before it is printed changes the document.
  const TempDir dir;
  std::string sql;
  constexpr int kStatements = 5000;
  for (int i = 1; i <= kStatements; ++i) sql += "ALTER TABLE t" + std::to_string(i) + " RENAME COLUMN a TO b;\n";
  dir.write("many.sql", sql);
  const InDirectory cwd(dir.path());
  const auto run_with = [](const std::string& jobs) {
    return run_zdlint({"--jobs", jobs, "--format", "sarif", "--select", "rename-column", "many.sql"});
  };
  const auto one = run_with("1");
  const auto three = run_with("3");
  REQUIRE(one.exit_code == 1);
  CHECK(three.out == one.out);
  const json doc = json::parse(three.out);
  const json& results = only_run(doc)["results"];
  REQUIRE(results.size() == kStatements);
  for (int i = 0; i < kStatements; ++i) {
    const json& region = results[i]["locations"][0]["physicalLocation"]["region"];
    REQUIRE_MESSAGE(region["startLine"] == i + 1, "result ", i);
  }
}
