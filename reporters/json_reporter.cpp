// The JSON format: a stable, documented object (docs/output.md). Lines and columns are 1-based,
// columns count Unicode code points, and endColumn is exclusive. Fields are only ever added.
#include <nlohmann/json.hpp>

#include "reporters/json_writer.h"
#include "reporters/reporter.h"

namespace zdlint {

namespace {

using nlohmann::ordered_json;

ordered_json diagnostic_json(const LintResult& result, const Diagnostic& d) {
  const auto& file = result.files.at(d.file);
  const auto begin = file.source->position(d.range.begin);
  const auto end = file.source->position(d.range.end);
  ordered_json notes = ordered_json::array();
  for (const auto& note : d.notes) notes.push_back(note.message);
  ordered_json locks = ordered_json::array();
  for (const auto& lock : d.locks) {
    const Blocked blocked = blocked_by(lock.mode);
    ordered_json blocks = ordered_json::array();
    if (blocked.reads) blocks.push_back("reads");
    if (blocked.writes) blocks.push_back("writes");
    if (blocked.ddl) blocks.push_back("ddl");
    locks.push_back({{"relation", lock.relation},
                     {"lock", lock_name(lock.mode)},
                     {"blocks", blocks},
                     {"rewrite", lock.rewrite},
                     {"scan", lock.scan},
                     {"pre_existing", lock.pre_existing}});
  }
  ordered_json fix = nullptr;
  if (d.fix) {
    ordered_json edits = ordered_json::array();
    for (const auto& edit : d.fix->edits) {
      const auto from = file.source->position(edit.range.begin);
      const auto to = file.source->position(edit.range.end);
      edits.push_back({{"line", from.line},
                       {"column", from.column_chars},
                       {"endLine", to.line},
                       {"endColumn", to.column_chars},
                       {"offset", edit.range.begin},
                       {"endOffset", edit.range.end},
                       {"replacement", edit.replacement}});
    }
    fix = {{"title", d.fix->title}, {"safe", d.fix->safe}, {"edits", edits}};
  }
  return {
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
      {"fingerprint", d.fingerprint},
      {"locks", locks},
      {"fix", fix},
  };
}

}  // namespace

void report_json(std::ostream& out, const LintResult& result) {
  ordered_json files = ordered_json::array();
  for (const auto& f : result.files)
    if (!f.history) {
      ordered_json entry = {{"path", f.path}, {"statements", f.statements}};
      entry["runner"] = f.runner.empty() ? ordered_json(nullptr) : ordered_json(f.runner);
      entry["kind"] = f.infrastructure ? "infrastructure" : "migration";
      files.push_back(std::move(entry));
    }

  ordered_json problems = ordered_json::array();
  for (const auto& p : result.problems)
    problems.push_back({{"path", p.path}, {"severity", p.is_error ? "error" : "warning"}, {"message", p.message}});

  const auto counts = count_by_severity(result);
  const ordered_json document = {
      {"version", ZDLINT_VERSION},
      {"files", files},
      {"diagnostics", ordered_json::array()},  // written one finding at a time below
      {"problems", problems},
      {"summary",
       {{"files", result.checked_files()},
        {"statements", result.statements()},
        {"diagnostics", result.diagnostics.size()},
        {"errors", counts.errors},
        {"warnings", counts.warnings},
        {"infos", counts.infos}}},
  };
  // Invalid UTF-8 never reaches here (input is validated), but replace rather than throw anyway.
  const auto dump = [](const ordered_json& json) {
    return json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
  };
  // The findings, most of a large report, never exist as one tree: the document is printed up to
  // its empty array, then each finding is built, printed indented as the array's element, and freed.
  const std::string skeleton = dump(document);
  const size_t open = empty_array_end(skeleton, "diagnostics");
  out << std::string_view(skeleton).substr(0, open);
  for (size_t i = 0; i < result.diagnostics.size(); ++i) {
    std::string element = dump(diagnostic_json(result, result.diagnostics[i]));
    // JSON strings hold no raw newline, so every newline is a line break of the layout.
    for (size_t at = element.find('\n'); at != std::string::npos; at = element.find('\n', at + 5))
      element.insert(at + 1, "    ");
    out << (i == 0 ? "\n    " : ",\n    ") << element;
  }
  if (!result.diagnostics.empty()) out << "\n  ";
  out << std::string_view(skeleton).substr(open) << '\n';
}

}  // namespace zdlint
