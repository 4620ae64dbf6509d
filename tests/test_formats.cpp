// The CI formats: GitHub Actions annotations (--format github) and GitLab Code Quality
// (--format gitlab), through the real binary and in process. Every GitLab report a test produces is
// validated against tests/data/gitlab-codequality.schema.json when scripts/install-sarif-tools.sh has
// installed the npm jsonschema package.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "analyzer/engine.h"
#include "reporters/json_writer.h"
#include "reporters/reporter.h"
#include "reporters/sha1.h"
#include "tests/test_support.h"

using nlohmann::json;
using zdlint::test::run_zdlint_in;
using zdlint::test::TempDir;
namespace fs = std::filesystem;

namespace {

// Line 3 has an emoji before the statement (UTF-16 columns differ from code points); lines 4-5 hold a
// statement that spans two lines.
const std::string kMigration =
    "-- V2: add e-mail column\n"
    "ALTER TABLE users ADD COLUMN email text NOT NULL;\n"
    "/* \xF0\x9F\x9A\x80 fast path */ CREATE INDEX idx_users_email ON users (email);\n"
    "CREATE INDEX idx_users_email_2\n"
    "  ON users (email);\n";
const std::string kPath = "my dir/V2 \xC3\xA9.sql";
const std::string kSummaryNote =
    " (GitHub shows at most 10 annotations of each severity per step; see the full report with --format text)";

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The oracle for escaping, written as plain replacements ('%' first, so no escape is escaped twice).
std::string replace_all(std::string text, std::string_view from, std::string_view to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}
std::string expect_data(std::string text) {
  text = replace_all(std::move(text), "%", "%25");
  text = replace_all(std::move(text), "\r", "%0D");
  return replace_all(std::move(text), "\n", "%0A");
}

// The annotation text the JSON report's diagnostic should give: message, notes, help.
std::string expected_message(const json& d) {
  std::string text = d["message"].get<std::string>();
  for (const auto& note : d["notes"]) text += "\nnote: " + note.get<std::string>();
  if (!d["help"].get<std::string>().empty()) text += "\nhelp: " + d["help"].get<std::string>();
  return expect_data(text);
}

const json& diagnostic(const json& report, std::string_view rule, int line) {
  for (const auto& d : report["diagnostics"])
    if (d["rule"] == rule && d["line"] == line) return d;
  FAIL("no " << rule << " diagnostic on line " << line);
  static const json none;
  return none;
}

const fs::path& gitlab_schema() {
  static const fs::path schema = fs::path(zdlint::test::source_dir()) / "tests/data/gitlab-codequality.schema.json";
  return schema;
}

// Every GitLab report the tests produce must pass the schema, when the validator is installed.
void validate_gitlab(const std::string& report) {
  const auto v = zdlint::test::validate_json_schema(gitlab_schema(), report);
  if (!v.ran) {
    static bool told = false;
    if (!told)
      MESSAGE("npm jsonschema not installed (scripts/install-sarif-tools.sh): GitLab schema validation skipped");
    told = true;
    return;
  }
  CHECK_MESSAGE(v.valid, v.output);
}

json gitlab_of(const zdlint::test::RunResult& r) {
  REQUIRE_FALSE(r.out.empty());
  CHECK(r.out.front() == '[');  // no byte-order mark: GitLab's parser rejects one
  validate_gitlab(r.out);
  return json::parse(r.out);
}

bool is_sha1_hex(const std::string& s) {
  return s.size() == 40 &&
         std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// A report built in process, for what the binary cannot be made to produce (findings without the
// engine's fingerprint, paths outside the base directory).
struct FakeReport {
  zdlint::LintResult result;
  void add_file(const std::string& path, const std::string& text) {
    zdlint::FileReport file;
    file.path = path;
    file.source = std::make_shared<zdlint::SourceFile>(path, text);
    file.statements = 1;
    result.files.push_back(std::move(file));
  }
  void add(zdlint::FileId file, zdlint::Severity severity, zdlint::ByteRange range, std::string message,
           std::string fingerprint = "") {
    zdlint::Diagnostic d;
    d.rule = zdlint::RuleId("create-index-non-concurrent");
    d.severity = severity;
    d.file = file;
    d.range = range;
    d.message = std::move(message);
    d.fingerprint = std::move(fingerprint);
    result.diagnostics.push_back(std::move(d));
  }
};

std::string github_of(const zdlint::LintResult& result, const zdlint::GithubOptions& options = {}) {
  std::ostringstream out;
  zdlint::report_github(out, result, options);
  return out.str();
}

std::string gitlab_of(const zdlint::LintResult& result, const zdlint::GitlabOptions& options = {}) {
  std::ostringstream out;
  zdlint::report_gitlab(out, result, options);
  validate_gitlab(out.str());
  return out.str();
}

}  // namespace

TEST_CASE("formats: GitHub's escaping of messages and property values") {
  using zdlint::github_escape_data;
  using zdlint::github_escape_property;
  // The example ci.md verified against actions/toolkit.
  CHECK(github_escape_property("dir,with:odd.sql") == "dir%2Cwith%3Aodd.sql");
  CHECK(github_escape_property("PGM002: x, y") == "PGM002%3A x%2C y");
  CHECK(github_escape_data("100% bad\nsecond line") == "100%25 bad%0Asecond line");
  CHECK(github_escape_data("a\r\nb::c,d:e") == "a%0D%0Ab::c,d:e");
  CHECK(github_escape_property("a\r\nb%0A") == "a%0D%0Ab%250A");
  // Multibyte text passes unchanged.
  CHECK(github_escape_data("caf\xC3\xA9 \xF0\x9F\x9A\x80") == "caf\xC3\xA9 \xF0\x9F\x9A\x80");
}

TEST_CASE("formats: SHA-1 test vectors (FIPS 180-4)") {
  using zdlint::sha1_hex;
  CHECK(sha1_hex("") == "da39a3ee5e6b4b0d3255bfef95601890afd80709");
  CHECK(sha1_hex("abc") == "a9993e364706816aba3e25717850c26c9cd0d89d");
  CHECK(sha1_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
  CHECK(sha1_hex(std::string(1000000, 'a')) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
  // Lengths around the padding boundary (55 bytes fit one block, 56 need two).
  CHECK(sha1_hex(std::string(55, 'x')) == "cef734ba81a024479e09eb5a75b6ddae62e6abf1");
  CHECK(sha1_hex(std::string(56, 'x')) == "901305367c259952f4e7af8323f480d59f81335b");
  CHECK(sha1_hex(std::string(64, 'x')) == "bb2fa3ee7afb9f54c6dfb5d021f14b1ffe40c163");
}

TEST_CASE("formats: github annotations, errors first, UTF-16 columns, a path with spaces, then the summary") {
  const TempDir dir;
  dir.write(kPath, kMigration);
  const std::vector<std::string> select = {"--select", "create-index-non-concurrent,missing-lock-timeout"};
  auto args = select;
  args.insert(args.end(), {"--format", "github", "my dir"});
  const auto r = run_zdlint_in(dir.path(), args);
  CHECK(r.exit_code == 1);
  auto json_args = select;
  json_args.insert(json_args.end(), {"--format", "json", "my dir"});
  const json report = json::parse(run_zdlint_in(dir.path(), json_args).out);

  const auto message = [&](std::string_view rule, int line) {
    const json& d = diagnostic(report, rule, line);
    return expected_message(d);
  };
  const std::string file = "file=my dir/V2 \xC3\xA9.sql";
  const std::vector<std::string> expected = {
      // The emoji before CREATE counts two UTF-16 code units: col 20, not 19.
      "::error " + file + ",line=3,endLine=3,col=20,endColumn=65,title=create-index-non-concurrent::" +
          message("create-index-non-concurrent", 3),
      // Lines differ: no columns (the runner drops them anyway).
      "::error " + file +
          ",line=4,endLine=5,title=create-index-non-concurrent::" + message("create-index-non-concurrent", 4),
      "::warning " + file +
          ",line=2,endLine=2,col=1,endColumn=49,title=missing-lock-timeout::" + message("missing-lock-timeout", 2),
      "::warning " + file +
          ",line=3,endLine=3,col=20,endColumn=65,title=missing-lock-timeout::" + message("missing-lock-timeout", 3),
      "::warning " + file + ",line=4,endLine=5,title=missing-lock-timeout::" + message("missing-lock-timeout", 4),
      "zdlint: 2 errors, 3 warnings, 0 infos in 1 file" + kSummaryNote,
  };
  CHECK(lines_of(r.out) == expected);
  CHECK(r.out.find("%0Ahelp: ") != std::string::npos);  // the help is there, on its own escaped line

  // --quiet: the annotations only.
  args.emplace_back("--quiet");
  const auto quiet = run_zdlint_in(dir.path(), args);
  auto without_summary = expected;
  without_summary.pop_back();
  CHECK(lines_of(quiet.out) == without_summary);
}

TEST_CASE("formats: github escapes paths and messages, so a migration cannot inject workflow commands") {
  const TempDir dir;
  // A directory with ',' ':' '%', a file name with a line break, and a table whose quoted name holds
  // '%', ',', ':', a CR and a LF followed by what would be workflow commands.
  dir.write("d,i:r%/new\nline.sql", "CREATE INDEX i ON \"us%e,r:s\r::warning y\n::error x\xC3\xBC\" (a);\n");
  const auto r = run_zdlint_in(dir.path(), {"--format", "github", "--select", "create-index-non-concurrent", "."});
  CHECK(r.exit_code == 1);
  const json report =
      json::parse(run_zdlint_in(dir.path(), {"--format", "json", "--select", "create-index-non-concurrent", "."}).out);
  REQUIRE(report["diagnostics"].size() == 1);
  const json& d = report["diagnostics"][0];
  const std::string raw = d["message"];
  REQUIRE(raw.find("\r::warning y\n::error x\xC3\xBC") != std::string::npos);  // the test does exercise injection

  const auto lines = lines_of(r.out);
  REQUIRE(lines.size() == 2);  // one annotation, one summary: nothing broke out of its line
  CHECK(lines[0] == "::error file=d%2Ci%3Ar%25/new%0Aline.sql,line=1,endLine=3,title=create-index-non-concurrent::" +
                        expected_message(d));
  CHECK(lines[0].find("us%25e,r:s%0D::warning y%0A::error x\xC3\xBC") != std::string::npos);
  CHECK(r.out.find('\r') == std::string::npos);
  CHECK(lines[1] == "zdlint: 1 error, 0 warnings, 0 infos in 1 file" + kSummaryNote);
}

TEST_CASE("formats: github prints every finding past GitHub's 10, and counts them in the summary") {
  const TempDir dir;
  std::string sql;
  for (int i = 0; i < 12; ++i) sql += "CREATE INDEX i" + std::to_string(i) + " ON t (a);\n";
  dir.write("m.sql", sql);
  const auto r = run_zdlint_in(dir.path(), {"--format", "github", "--select", "create-index-non-concurrent", "m.sql"});
  const auto lines = lines_of(r.out);
  REQUIRE(lines.size() == 13);
  for (int i = 0; i < 12; ++i) {
    const int line = i + 1, end_column = i < 10 ? 25 : 26;  // "CREATE INDEX i10 ON t (a)" is one longer
    CHECK(lines[static_cast<size_t>(i)].starts_with(fmt::format(
        "::error file=m.sql,line={0},endLine={0},col=1,endColumn={1},title=create-index-non-concurrent::", line,
        end_column)));
  }
  CHECK(lines[12] == "zdlint: 12 errors, 0 warnings, 0 infos in 1 file" + kSummaryNote);
}

TEST_CASE("formats: github reports input errors as ::error without a file") {
  const TempDir dir;
  dir.write("ok.sql", "SELECT 1;\n");
  const auto r = run_zdlint_in(dir.path(), {"--format", "github", "ok.sql", "missing, really.sql"});
  CHECK(r.exit_code == 2);
  const auto lines = lines_of(r.out);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].starts_with("::error title=zdlint::missing, really.sql: "));
  CHECK(lines[0].find("file=") == std::string::npos);
  CHECK(lines[1] == "zdlint: 0 errors, 0 warnings, 0 infos in 1 file" + kSummaryNote);
}

TEST_CASE("formats: github and gitlab paths relative to the base directory, or outside it") {
  const TempDir dir;
  const std::string inside = (dir.path() / "repo/db/1.sql").string(),
                    outside = (dir.path() / "elsewhere/2.sql").string();
  FakeReport fake;
  fake.add_file(inside, "CREATE INDEX i ON t (a);\n");
  fake.add_file(outside, "\nCREATE INDEX i ON t (a);\n");
  fake.add(0, zdlint::Severity::Error, {0, 23}, "m");
  fake.add(1, zdlint::Severity::Error, {1, 24}, "m");
  const std::string base = (dir.path() / "repo").string();

  // GitHub: an absolute path outside the repository, which the runner relativizes to the workspace.
  const auto lines = lines_of(github_of(fake.result, {.quiet = true, .base_directory = base}));
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == "::error file=db/1.sql,line=1,endLine=1,col=1,endColumn=24,title=create-index-non-concurrent::m");
  const std::string canonical_outside = fs::weakly_canonical(outside).generic_string();
  CHECK(lines[1] == "::error file=" + zdlint::github_escape_property(canonical_outside) +
                        ",line=2,endLine=2,col=1,endColumn=24,title=create-index-non-concurrent::m");

  // GitLab: always relative (the schema forbids absolute paths).
  const json issues = json::parse(gitlab_of(fake.result, {.base_directory = base}));
  REQUIRE(issues.size() == 2);
  CHECK(issues[0]["location"]["path"] == "db/1.sql");
  CHECK(issues[1]["location"]["path"] == "../elsewhere/2.sql");
}

TEST_CASE("formats: a range that ends just after a line break does not claim the next line") {
  FakeReport fake;
  fake.add_file("a.sql", "SELECT 1;\nSELECT 2;\n");
  fake.add(0, zdlint::Severity::Warning, {0, 10}, "m");  // "SELECT 1;\n"
  const auto lines = lines_of(github_of(fake.result, {.quiet = true, .base_directory = {}}));
  REQUIRE(lines.size() == 1);
  CHECK(lines[0] == "::warning file=a.sql,line=1,endLine=1,col=1,endColumn=10,title=create-index-non-concurrent::m");
  const json issues = json::parse(gitlab_of(fake.result));
  CHECK(issues[0]["location"]["lines"] == json{{"begin", 1}, {"end", 1}});
}

TEST_CASE("formats: gitlab code quality, validated against the schema") {
  const TempDir dir;
  dir.write(kPath, kMigration);
  const auto r = run_zdlint_in(dir.path(), {"--format", "gitlab", "--select",
                                            "create-index-non-concurrent,missing-statement-timeout", "my dir"});
  CHECK(r.exit_code == 1);
  const json issues = gitlab_of(r);
  REQUIRE(issues.is_array());
  std::set<std::string> fingerprints;
  size_t errors = 0, infos = 0;
  for (const auto& issue : issues) {
    CHECK(issue["location"]["path"] == kPath);
    CHECK(issue["type"] == "issue");
    CHECK(is_sha1_hex(issue["fingerprint"].get<std::string>()));
    fingerprints.insert(issue["fingerprint"].get<std::string>());
    if (issue["check_name"] == "create-index-non-concurrent") {
      ++errors;
      CHECK(issue["severity"] == "critical");
      CHECK(issue["categories"] == json::array({"Performance"}));
      CHECK(issue["description"].get<std::string>().starts_with("CREATE INDEX"));
      CHECK(issue["description"].get<std::string>().find(". Help: use CREATE INDEX CONCURRENTLY") != std::string::npos);
    } else {
      CHECK(issue["check_name"] == "missing-statement-timeout");
      CHECK(issue["severity"] == "info");
      ++infos;
    }
  }
  CHECK(errors == 2);
  CHECK(infos >= 1);
  CHECK(fingerprints.size() == issues.size());
  const auto lines_of_index = [&](int begin) {
    const auto it = std::find_if(issues.begin(), issues.end(), [&](const json& i) {
      return i["check_name"] == "create-index-non-concurrent" && i["location"]["lines"]["begin"] == begin;
    });
    return it == issues.end() ? json() : (*it)["location"]["lines"];
  };
  CHECK(lines_of_index(3) == json{{"begin", 3}, {"end", 3}});
  CHECK(lines_of_index(4) == json{{"begin", 4}, {"end", 5}});

  // A clean run is an empty array.
  dir.write("clean/1.sql", "CREATE TABLE t (a int);\n");
  const auto clean = run_zdlint_in(dir.path(), {"--format", "gitlab", "clean"});
  CHECK(clean.exit_code == 0);
  CHECK(clean.out == "[]\n");
  validate_gitlab(clean.out);
}

TEST_CASE("formats: the schema check rejects what GitLab rejects") {
  const auto v = zdlint::test::validate_json_schema(
      gitlab_schema(), R"([{"description":"d","check_name":"c","fingerprint":"f","severity":"error",)"
                       R"("location":{"path":"a.sql","lines":{"begin":1}}}])");
  if (!v.ran) return;
  CHECK_FALSE(v.valid);
  CHECK_FALSE(zdlint::test::validate_json_schema(
                  gitlab_schema(), R"([{"description":"d","check_name":"c","fingerprint":"f","severity":"major",)"
                                   R"("location":{"path":"/abs/a.sql","lines":{"begin":1}}}])")
                  .valid);
}

TEST_CASE("formats: gitlab fingerprints stay when lines move, and differ between equal findings") {
  const TempDir dir;
  const std::string sql = "CREATE INDEX i ON users (email);\nSELECT 1;\nCREATE INDEX i ON users (email);\n";
  dir.write("db/1.sql", sql);
  dir.write("db/2.sql", sql);
  const std::vector<std::string> args = {"--format", "gitlab", "--select", "create-index-non-concurrent", "db"};
  const json before = gitlab_of(run_zdlint_in(dir.path(), args));
  REQUIRE(before.size() == 4);
  std::set<std::string> unique;
  for (const auto& issue : before) unique.insert(issue["fingerprint"].get<std::string>());
  CHECK(unique.size() == 4);  // two equal statements in a file, and two files with the same text

  dir.write("db/1.sql", "\n\n-- a comment\n\n" + sql);
  const json after = gitlab_of(run_zdlint_in(dir.path(), args));
  REQUIRE(after.size() == 4);
  for (size_t i = 0; i < 4; ++i) {
    CHECK(after[i]["fingerprint"] == before[i]["fingerprint"]);
    const int shift = after[i]["location"]["path"] == "db/1.sql" ? 4 : 0;
    CHECK(after[i]["location"]["lines"]["begin"].get<int>() ==
          before[i]["location"]["lines"]["begin"].get<int>() + shift);
  }

  // The engine's line-independent fingerprint is what they are built on.
  zdlint::LintRequest request;
  request.paths = {(dir.path() / "db").string()};
  request.rules.select = {"create-index-non-concurrent"};
  const auto result = zdlint::run_lint(request);
  REQUIRE(result.diagnostics.size() == 4);
  for (const auto& d : result.diagnostics) CHECK_MESSAGE(!d.fingerprint.empty(), "Diagnostic::fingerprint is not set");
}

TEST_CASE("formats: gitlab fingerprints without the engine's fingerprint fall back to the message") {
  const auto report = [](const std::string& prefix) {
    FakeReport fake;
    const std::string sql = prefix + "CREATE INDEX i ON t (a);\nCREATE INDEX i ON t (a);\n";
    fake.add_file("a.sql", sql);
    const auto at = static_cast<uint32_t>(prefix.size());
    fake.add(0, zdlint::Severity::Error, {at, at + 23}, "same message");
    fake.add(0, zdlint::Severity::Error, {at + 25, at + 48}, "same message");
    fake.add(0, zdlint::Severity::Error, {at + 25, at + 48}, "another message");
    return json::parse(gitlab_of(fake.result));
  };
  const json before = report(""), after = report("\n\n\n");
  REQUIRE(before.size() == 3);
  std::set<std::string> unique;
  for (size_t i = 0; i < 3; ++i) {
    unique.insert(before[i]["fingerprint"].get<std::string>());
    CHECK(after[i]["fingerprint"] == before[i]["fingerprint"]);
    CHECK(after[i]["location"]["lines"]["begin"].get<int>() == before[i]["location"]["lines"]["begin"].get<int>() + 3);
  }
  CHECK(unique.size() == 3);
}

TEST_CASE("formats: the JSON writer escapes as JSON requires and keeps output valid UTF-8") {
  std::string out;
  zdlint::append_json_string(out, "a\"b\\c\n\t\r\b\f\x01\x1f\x7f é 😀");
  CHECK(out == "\"a\\\"b\\\\c\\n\\t\\r\\b\\f\\u0001\\u001f\x7f é 😀\"");
  out.clear();
  // A stray continuation byte and a truncated sequence each become U+FFFD.
  zdlint::append_json_string(out, std::string_view("x\x80y\xC3", 4));
  CHECK(out == "\"x\xEF\xBF\xBDy\xEF\xBF\xBD\"");

  out.clear();
  zdlint::JsonWriter w(out);
  w.begin_object().key("a").value(uint64_t{1}).key("b").begin_array().value("x").raw("{\"k\":2}").begin_object().end_object();
  w.end_array().key("c").begin_object().end_object().end_object();
  CHECK(out == R"({"a":1,"b":["x",{"k":2},{}],"c":{}})");
  CHECK(nlohmann::json::parse(out)["b"][1]["k"] == 2);
}

// The writer skips plain ASCII sixteen (or eight) bytes at a time: every byte that needs escaping
// or checking, at every offset within and across those steps, must still be caught. nlohmann's
// dump with the same error handling is the reference.
TEST_CASE("formats: the JSON writer escapes a byte wherever it falls in a long string") {
  const std::vector<std::string> specials = {"\"", "\\", "\n", "\x01", "\x1f", "\x7f", " ", "é", "😀",
                                             "\x80", "\xC3", "\xE2\x82", "\xF0\x9F\x98", "\xE0\x80", "\xED\xA0\x80",
                                             "\xF4\x90", "\xC0\xAF", "\xFF", std::string(1, '\0')};
  for (const std::string& special : specials)
    for (size_t before = 0; before <= 40; ++before)
      for (const size_t after : {size_t{0}, size_t{3}, size_t{8}, size_t{13}}) {
        const std::string text = std::string(before, 'a') + special + std::string(after, 'z');
        std::string out;
        zdlint::append_json_string(out, text);
        const std::string expected = nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        CAPTURE(before);
        CAPTURE(after);
        CHECK(out == expected);
      }
}
