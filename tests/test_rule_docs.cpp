// Every rule page's examples do what the page says: each ```sql block under "### Bad" gets a
// finding of that rule, whose message names a lock mode or the relation for the lock rules, and
// each block under "### Good" gets none. A block may start with `-- zdlint-test: …` settings, as
// in testdata (pg-version=N, assume-in-transaction). A rule about the change set shows its
// infrastructure files in blocks of their own language whose first line is a comment
// `zdlint-test: file=NAME`; each belongs to the next ```sql block and is named with it.
#include <doctest/doctest.h>

#include <filesystem>
#include <optional>
#include <fstream>
#include <sstream>

#include "analyzer/engine.h"
#include "rules/registry.h"
#include "tests/test_support.h"

namespace zdlint {
namespace {

struct CompanionFile {
  std::string name;
  std::string text;
};

struct Example {
  bool bad = false;
  std::string sql;
  int line = 0;  // in the docs page, for messages
  std::vector<CompanionFile> companions;
};

// "main.tf" from "# zdlint-test: file=main.tf" (or "// zdlint-test: file=…").
std::optional<std::string> companion_name(const std::string& first_line) {
  constexpr std::string_view kMarker = "zdlint-test: file=";
  const size_t at = first_line.find(kMarker);
  if (at == std::string::npos) return std::nullopt;
  return first_line.substr(at + kMarker.size());
}

std::vector<Example> examples_of(const std::filesystem::path& page) {
  std::ifstream in(page);
  std::vector<Example> examples;
  enum class Section { Other, Bad, Good } section = Section::Other;
  bool in_block = false;
  bool in_companion = false;  // a non-SQL block: a companion file when its first line names one
  bool companion_first_line = false;
  bool skip_block = false;
  std::vector<CompanionFile> companions;
  int number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (!in_block && !in_companion && line.starts_with("#")) {
      section = line.starts_with("### Bad")    ? Section::Bad
                : line.starts_with("### Good") ? Section::Good
                                               : Section::Other;
      companions.clear();
    } else if (!in_block && !in_companion && line.starts_with("```sql") && section != Section::Other) {
      in_block = true;
      examples.push_back({section == Section::Bad, "", number, std::move(companions)});
      companions.clear();
    } else if (!in_block && !in_companion && line.starts_with("```") && line.size() > 3 && section != Section::Other) {
      in_companion = true;
      companion_first_line = true;
    } else if ((in_block || in_companion) && line.starts_with("```")) {
      in_block = in_companion = false;
    } else if (in_block) {
      examples.back().sql += line + "\n";
    } else if (in_companion) {
      if (companion_first_line) {
        companion_first_line = false;
        const auto name = companion_name(line);
        skip_block = !name;  // an illustration, not a file of the example
        if (name) companions.push_back({*name, ""});
      }
      if (!skip_block) companions.back().text += line + "\n";
    }
  }
  return examples;
}

std::vector<Diagnostic> lint_example(const Example& example, const std::string& rule_id) {
  test::TempDir dir;
  const auto file = dir.write("example.sql", example.sql);
  LintRequest request;
  request.paths = {file.string()};
  for (const auto& companion : example.companions) request.paths.push_back(dir.write(companion.name, companion.text).string());
  // unused-ignore judges only the rules that ran, so its examples run every rule.
  if (rule_id != "unused-ignore") request.rules.select = {rule_id};
  std::istringstream lines(example.sql);
  for (std::string line; std::getline(lines, line);) {
    if (line.starts_with("-- zdlint-test: pg-version=")) request.settings.pg_version = std::stoi(line.substr(27));
    if (line == "-- zdlint-test: assume-in-transaction") request.settings.assume_in_transaction = true;
  }
  auto found = run_lint(request).diagnostics;
  std::erase_if(found, [&](const Diagnostic& d) { return d.rule.str() != rule_id; });
  return found;
}

}  // namespace

TEST_CASE("rule docs: Bad examples are flagged, Good examples are not") {
  size_t bad_blocks = 0;
  for (const Rule* rule : all_rules()) {
    const std::string id(rule->meta.id);
    if (id == "syntax-error") continue;  // its examples do not parse, by design
    const auto examples = examples_of(std::filesystem::path(test::source_dir()) / rule->meta.docs_path());
    CAPTURE(id);
    CHECK_MESSAGE(std::any_of(examples.begin(), examples.end(), [](const Example& e) { return e.bad; }),
                  id, ": the page has no ### Bad example");
    for (const auto& example : examples) {
      const auto found = lint_example(example, id);
      if (example.bad) {
        ++bad_blocks;
        CHECK_MESSAGE(!found.empty(), rule->meta.docs_path(), ":", example.line, ": the Bad example is not flagged");
        if (rule->meta.category == "lock" || rule->meta.category == "rewrite")
          for (const auto& d : found)
            CHECK_MESSAGE(d.message.view().find("Lock") != std::string::npos, rule->meta.docs_path(), ":", example.line,
                          ": the message names no lock mode: ", d.message.str());
      } else {
        CHECK_MESSAGE(found.empty(), rule->meta.docs_path(), ":", example.line,
                      ": the Good example is flagged: ", found.empty() ? std::string() : found.front().message.str());
      }
    }
  }
  CHECK(bad_blocks >= all_rules().size() - 1);
}

}  // namespace zdlint
