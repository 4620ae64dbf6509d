// GitHub Actions workflow commands (--format github): one `::error`/`::warning`/`::notice` line per
// finding, which the runner turns into an annotation on the file and lines, then a plain summary.
// Everything taken from input (paths, messages quoting identifiers) is escaped the way actions/toolkit
// escapes it: an unescaped line break would let a migration file inject its own workflow commands.
#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "reporters/ci_location.h"
#include "reporters/reporter.h"

namespace zdlint {
namespace {

std::string_view command_for(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Info:
      return "notice";
  }
  return "warning";
}

using Properties = std::vector<std::pair<std::string_view, std::string>>;

void command(std::ostream& out, std::string_view name, const Properties& properties, std::string_view message) {
  out << "::" << name;
  for (size_t i = 0; i < properties.size(); ++i)
    out << (i == 0 ? " " : ",") << properties[i].first << '=' << github_escape_property(properties[i].second);
  out << "::" << github_escape_data(message) << '\n';
}

// The annotation text: the message, then the notes and the help, each on its own line.
std::string annotation_message(const Diagnostic& d) {
  std::string text = d.message.str();
  for (const auto& note : d.notes) text += "\nnote: " + note.message;
  if (!d.help.empty()) text.append("\nhelp: ").append(d.help.view());
  return text;
}

Properties location(const CiPaths& paths, const FileReport& file, const Diagnostic& d) {
  // Standard input read without --stdin-filename names no file: the annotation goes on the run.
  if (file.path == "-" || file.path.starts_with('<')) return {};
  // Inside the repository a relative path; outside it an absolute one, which the runner makes
  // relative to the workspace when it can (a relative path is always taken as repository-relative).
  const CiPath where = paths.resolve(file.path);
  const CiRange range = ci_range(*file.source, d.range);
  Properties properties{{"file", where.inside_base ? where.relative : where.absolute},
                        {"line", std::to_string(range.begin.line)},
                        {"endLine", std::to_string(range.end.line)}};
  // Columns count UTF-16 code units, as in SARIF. The runner drops columns when the lines differ
  // (annotations only support columns within one line), so they are given for one-line ranges only.
  if (range.begin.line == range.end.line) {
    properties.emplace_back("col", std::to_string(range.begin.column_utf16));
    properties.emplace_back("endColumn", std::to_string(range.end.column_utf16));
  }
  return properties;
}

// actions/toolkit's escapeData; escapeProperty also escapes the separators of the property list.
std::string escape(std::string_view text, bool property) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else if (property && c == ':')
      out += "%3A";
    else if (property && c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

std::string plural(size_t n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

}  // namespace

std::string github_escape_data(std::string_view text) {
  return escape(text, false);
}

std::string github_escape_property(std::string_view text) {
  return escape(text, true);
}

void report_github(std::ostream& out, const LintResult& result, const GithubOptions& options) {
  // Input errors first: they make the run fail (exit code 2), and name a file that may not exist or
  // could not be read, so they are not attached to one.
  for (const auto& problem : result.problems)
    if (problem.is_error) command(out, "error", {{"title", "zdlint"}}, problem.path + ": " + problem.message);
  if (result.checked_files() == 0 && result.problems.empty())
    command(out, "error", {{"title", "zdlint"}}, "no SQL files to lint");

  // GitHub keeps only the first annotations of a step (10 per severity, 50 per job): errors first,
  // each severity in file order.
  std::vector<const Diagnostic*> ordered;
  for (const auto& d : result.diagnostics) ordered.push_back(&d);
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const Diagnostic* a, const Diagnostic* b) { return a->severity > b->severity; });
  const CiPaths paths(options.base_directory);
  for (const Diagnostic* d : ordered) {
    Properties properties = location(paths, result.files.at(d->file), *d);
    properties.emplace_back("title", std::string(d->rule.str()));
    command(out, command_for(d->severity), properties, annotation_message(*d));
  }

  if (options.quiet) return;
  // Plain text (not a command), so it is never dropped: the counts tell how much the annotations left out.
  const auto counts = count_by_severity(result);
  out << fmt::format(
      "zdlint: {}, {}, {} in {} (GitHub shows at most 10 annotations of each severity per step; see the full "
      "report with --format text)\n",
      plural(counts.errors, "error"), plural(counts.warnings, "warning"), plural(counts.infos, "info"),
      plural(result.checked_files(), "file"));
}

}  // namespace zdlint
