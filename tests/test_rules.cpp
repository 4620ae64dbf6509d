// Rule tests driven by testdata/rules/<rule-id>/. Each case is a .sql file, or a directory of
// files replayed in order as a migration history. Expectations are comments in the SQL:
//   -- expect: RULE LINE:COL       (1-based, columns in code points)
//   -- zdlint-test: pg-version=N   (settings for the case)
//   -- zdlint-test: assume-in-transaction   (the runner wraps each file in a transaction)
// A case passes when the diagnostics of the directory's rule, and of any rule it names in an
// expectation, are exactly the expected ones. Cases named bad_* must expect the rule; good_* must not.
// A directory case may also hold infrastructure files (main.tf, docker-compose.yml, …): they are
// named on the command line next to the directory, as a change set's files are, and expect with a
// `# expect:` or `// expect:` comment.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "analyzer/engine.h"
#include "analyzer/engine_upgrade.h"
#include "rules/registry.h"
#include "rules/rule_docs.h"
#include "tests/test_support.h"

using namespace zdlint;
namespace fs = std::filesystem;

namespace {

struct Expectation {
  std::string file;  // name relative to the case
  std::string rule;
  uint32_t line = 0, column = 0;
  auto operator<=>(const Expectation&) const = default;
};

struct Case {
  fs::path path;
  std::set<Expectation> expected;
  std::set<std::string> rules_named;
  int pg_version = 15;
  bool assume_in_transaction = false;
  std::vector<fs::path> infrastructure;  // named on the command line with the directory
};

std::vector<fs::path> infrastructure_files(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file() && entry.path().extension() != ".sql" && is_infrastructure_file(entry.path()))
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string relative_name(const fs::path& file, const fs::path& case_path) {
  return fs::is_directory(case_path) ? fs::relative(file, case_path).string() : file.filename().string();
}

// The text after "-- KEYWORD" in a SQL comment line (after "# KEYWORD" or "// KEYWORD" in an
// infrastructure file), if the line has one. (No std::regex: g++ 12 warns falsely inside it under
// -O2 with sanitizers.)
std::optional<std::string> parse_directive(const std::string& line, std::string_view keyword,
                                           std::string_view marker = "--") {
  const auto dashes = line.find(marker);
  if (dashes == std::string::npos) return std::nullopt;
  const auto start = line.find_first_not_of(' ', dashes + marker.size());
  if (start == std::string::npos || line.compare(start, keyword.size(), keyword) != 0) return std::nullopt;
  const auto value = line.find_first_not_of(' ', start + keyword.size());
  return value == std::string::npos ? std::string() : line.substr(value);
}

Case load_case(const fs::path& path) {
  Case c{path, {}, {}, 15, false, {}};
  std::vector<fs::path> files;
  if (fs::is_directory(path)) {
    for (const auto& entry : fs::recursive_directory_iterator(path))
      if (entry.path().extension() == ".sql") files.push_back(entry.path());
    c.infrastructure = infrastructure_files(path);
  } else {
    files.push_back(path);
  }
  files.insert(files.end(), c.infrastructure.begin(), c.infrastructure.end());
  for (const auto& file : files) {
    const bool sql = file.extension() == ".sql";
    std::istringstream lines(read_file(file));
    for (std::string line; std::getline(lines, line);) {
      std::optional<std::string> e = parse_directive(line, "expect:", sql ? "--" : "#");
      if (!e && !sql) e = parse_directive(line, "expect:", "//");
      if (e) {
        // "RULE LINE:COL"
        std::istringstream fields(*e);
        std::string rule, position;
        fields >> rule >> position;
        const auto colon = position.find(':');
        REQUIRE_MESSAGE(colon != std::string::npos, "malformed expectation in ", file, ": ", line);
        c.expected.insert({relative_name(file, path), rule, static_cast<uint32_t>(std::stoul(position.substr(0, colon))),
                           static_cast<uint32_t>(std::stoul(position.substr(colon + 1)))});
        c.rules_named.insert(rule);
      }
      if (const auto setting = parse_directive(line, "zdlint-test:")) {
        if (setting->starts_with("pg-version="))
          c.pg_version = std::stoi(setting->substr(std::string_view("pg-version=").size()));
        else if (*setting == "assume-in-transaction")
          c.assume_in_transaction = true;
        else
          FAIL("unknown zdlint-test setting in ", file, ": ", *setting);
      }
    }
  }
  return c;
}

std::set<Expectation> actual_for(const Case& c, const std::string& rule_id) {
  LintRequest request;
  request.paths = {c.path.string()};
  for (const auto& file : c.infrastructure) request.paths.push_back(file.string());
  request.settings.pg_version = c.pg_version;
  request.settings.assume_in_transaction = c.assume_in_transaction;
  const LintResult result = run_lint(request);
  CHECK_MESSAGE(result.problems.empty(), "input problems in ", c.path);
  std::set<Expectation> actual;
  for (const auto& d : result.diagnostics) {
    const std::string rule(d.rule.str());
    if (rule != rule_id && !c.rules_named.contains(rule)) continue;
    const auto& file = result.files.at(d.file);
    const auto pos = file.source->position(d.range.begin);
    actual.insert({relative_name(file.source->path(), c.path), rule, pos.line, pos.column_chars});
  }
  return actual;
}

std::string describe(const std::set<Expectation>& items) {
  std::string out;
  for (const auto& e : items) out += fmt::format("\n    {} {} {}:{}", e.file, e.rule, e.line, e.column);
  return out.empty() ? " (none)" : out;
}

fs::path rules_testdata() { return fs::path(test::source_dir()) / "testdata" / "rules"; }

}  // namespace

TEST_CASE("every rule has a docs page and positive and negative testdata") {
  for (const Rule* rule : all_rules()) {
    const std::string id(rule->meta.id);
    CAPTURE(id);
    CHECK_MESSAGE(fs::exists(fs::path(test::source_dir()) / rule->meta.docs_path()), "missing docs page");
    CHECK_MESSAGE(rule_doc(id).has_value(), "docs page not embedded");
    const fs::path dir = rules_testdata() / id;
    REQUIRE_MESSAGE(fs::is_directory(dir), "missing testdata directory");
    size_t positive = 0, negative = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
      const Case c = load_case(entry.path());
      const bool expects_rule = c.rules_named.contains(id);
      const std::string name = entry.path().filename().string();
      CHECK_MESSAGE(name.starts_with(expects_rule ? "bad_" : "good_"), name, " is misnamed for what it expects");
      (expects_rule ? positive : negative)++;
    }
    CHECK_MESSAGE(positive > 0, "no positive testdata (a case that expects the rule)");
    CHECK_MESSAGE(negative > 0, "no negative testdata (a case that must stay silent)");
  }
}

TEST_CASE("testdata directories name registered rules only") {
  for (const auto& entry : fs::directory_iterator(rules_testdata())) {
    CAPTURE(entry.path());
    CHECK(find_rule(entry.path().filename().string()) != nullptr);
  }
}

TEST_CASE("rule testdata") {
  std::vector<fs::path> rule_dirs;
  for (const auto& entry : fs::directory_iterator(rules_testdata())) rule_dirs.push_back(entry.path());
  std::sort(rule_dirs.begin(), rule_dirs.end());
  for (const auto& dir : rule_dirs) {
    std::vector<fs::path> cases;
    for (const auto& entry : fs::directory_iterator(dir)) cases.push_back(entry.path());
    std::sort(cases.begin(), cases.end());
    for (const auto& path : cases) {
      const std::string label = fs::relative(path, rules_testdata()).string();
      SUBCASE(label.c_str()) {
        const Case c = load_case(path);
        const auto actual = actual_for(c, dir.filename().string());
        std::set<Expectation> missing, unexpected;
        std::set_difference(c.expected.begin(), c.expected.end(), actual.begin(), actual.end(),
                            std::inserter(missing, missing.end()));
        std::set_difference(actual.begin(), actual.end(), c.expected.begin(), c.expected.end(),
                            std::inserter(unexpected, unexpected.end()));
        CHECK_MESSAGE(missing.empty(), label, ": expected but not reported:", describe(missing));
        CHECK_MESSAGE(unexpected.empty(), label, ": reported but not expected:", describe(unexpected));
      }
    }
  }
}
