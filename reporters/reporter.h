#pragma once
// Output formats. Every reporter is fed from the same LintResult and the rule registry.
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/engine.h"

namespace zdlint {

enum class OutputFormat { Text, Json, Sarif, Github, Gitlab };
std::optional<OutputFormat> parse_output_format(std::string_view name);

struct SeverityCounts {
  size_t errors = 0, warnings = 0, infos = 0;
};
SeverityCounts count_by_severity(const LintResult& result);

struct TextOptions {
  bool color = false;
  bool quiet = false;  // diagnostics only: no source excerpt, no summary
};

void report_text(std::ostream& out, const LintResult& result, const TextOptions& options);
void report_json(std::ostream& out, const LintResult& result);

struct SarifOptions {
  RuleSelection rules;               // the enabled rules, all listed in tool.driver.rules
  std::string base_directory;        // %SRCROOT%; empty: the current directory
  int exit_code = 0;                 // invocations[0].exitCode
  bool execution_successful = true;  // false only for crashes and usage errors
  bool include_suppressed = false;   // also list LintResult::suppressed, with suppressions[] on every result
  unsigned jobs = 1;                 // threads that format results (the output is the same for any number)
};
void report_sarif(std::ostream& out, const LintResult& result, const SarifOptions& options);

struct GithubOptions {
  bool quiet = false;          // annotations only, no summary line
  std::string base_directory;  // the repository root paths are relative to; empty: the current directory
};
// GitHub Actions workflow commands: one ::error/::warning/::notice annotation per finding, then a summary.
void report_github(std::ostream& out, const LintResult& result, const GithubOptions& options);
// actions/toolkit's escaping of a workflow command's message, and of a property value.
std::string github_escape_data(std::string_view text);
std::string github_escape_property(std::string_view text);

struct GitlabOptions {
  std::string base_directory;  // the repository root paths are relative to; empty: the current directory
};
// GitLab Code Quality JSON, with fingerprints that survive line moves.
void report_gitlab(std::ostream& out, const LintResult& result, const GitlabOptions& options);

// The text as a complete sentence, ending in '.', '!' or '?': GitHub shows the first sentence of a
// SARIF message as the alert's title, and GitLab joins message, notes and help into one line.
std::string sentence(std::string_view text);
// What sentence() makes of `text`: the text it keeps, and whether it ends it with a '.'.
struct SentenceParts {
  std::string_view kept;
  bool add_period = false;
};
SentenceParts sentence_parts(std::string_view text);

// Exposed for tests: RFC 3986 percent-encoding of a path (keeps unreserved characters and '/').
std::string sarif_percent_encode_path(std::string_view path);
// GitHub's partialFingerprints.primaryLocationLineHash for each line of a file (index = line - 1).
std::vector<std::string> primary_location_line_hashes(std::string_view text);
// The same for the given lines only (1-based, sorted, unique), as a report computes them: one entry
// per line, empty where the line has none.
std::vector<std::string> primary_location_line_hashes(std::string_view text, const std::vector<uint32_t>& lines);

}  // namespace zdlint
