// The JSON format: a stable, documented object (docs/output.md). Lines and columns are 1-based,
// columns count Unicode code points, and endColumn is exclusive. Fields are only ever added.
#include <nlohmann/json.hpp>

#include "reporters/reporter.h"

namespace zdlint {

void report_json(std::ostream& out, const LintResult& result) {
  using nlohmann::ordered_json;
  ordered_json files = ordered_json::array();
  for (const auto& f : result.files) files.push_back({{"path", f.path}, {"statements", f.statements}});

  ordered_json diagnostics = ordered_json::array();
  for (const auto& d : result.diagnostics) {
    const auto& file = result.files.at(d.file);
    const auto begin = file.source->position(d.range.begin);
    const auto end = file.source->position(d.range.end);
    ordered_json notes = ordered_json::array();
    for (const auto& note : d.notes) notes.push_back(note.message);
    diagnostics.push_back({
        {"rule", d.rule.str()},
        {"severity", to_string(d.severity)},
        {"file", file.path},
        {"line", begin.line},
        {"column", begin.column_chars},
        {"endLine", end.line},
        {"endColumn", end.column_chars},
        {"message", d.message},
        {"help", d.help},
        {"notes", notes},
    });
  }

  ordered_json problems = ordered_json::array();
  for (const auto& p : result.problems)
    problems.push_back({{"path", p.path}, {"severity", p.is_error ? "error" : "warning"}, {"message", p.message}});

  const auto counts = count_by_severity(result);
  const ordered_json document = {
      {"version", ZDLINT_VERSION},
      {"files", files},
      {"diagnostics", diagnostics},
      {"problems", problems},
      {"summary",
       {{"files", result.files.size()},
        {"statements", result.statements()},
        {"diagnostics", result.diagnostics.size()},
        {"errors", counts.errors},
        {"warnings", counts.warnings},
        {"infos", counts.infos}}},
  };
  // Invalid UTF-8 never reaches here (input is validated), but replace rather than throw anyway.
  out << document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace zdlint
