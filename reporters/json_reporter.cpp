// The JSON format: a stable, documented object (docs/output.md). Lines and columns are 1-based,
// columns count Unicode code points, and endColumn is exclusive. Fields are only ever added.
//
// The text is written directly rather than printed from nlohmann trees, which cost most of the
// report's time on a large run; it is laid out byte for byte as nlohmann's dump(2) laid it out,
// since consumers may compare reports as text.
#include "reporters/pretty_json_writer.h"
#include "reporters/reporter.h"

namespace zdlint {

namespace {

// Written to the stream a piece at a time, so that a large report never exists as one string.
constexpr size_t kFlushAt = size_t{64} * 1024;

void flush_if_large(std::ostream& out, std::string& buffer) {
  if (buffer.size() < kFlushAt) return;
  out << buffer;
  buffer.clear();
}

void write_file_entry(PrettyJsonWriter& w, const FileReport& file) {
  w.begin_object();
  w.key("path").value(file.path);
  w.key("statements").value(file.statements);
  w.key("runner");
  if (file.runner.empty())
    w.null();
  else
    w.value(file.runner);
  w.key("kind").value(file.infrastructure ? "infrastructure" : "migration");
  w.end_object();
}

void write_lock(PrettyJsonWriter& w, const LockedRelation& lock) {
  const Blocked blocked = blocked_by(lock.mode);
  w.begin_object();
  w.key("relation").value(lock.relation);
  w.key("lock").value(lock_name(lock.mode));
  w.key("blocks").begin_array();
  if (blocked.reads) w.value("reads");
  if (blocked.writes) w.value("writes");
  if (blocked.ddl) w.value("ddl");
  w.end_array();
  w.key("rewrite").value(lock.rewrite);
  w.key("scan").value(lock.scan);
  w.key("pre_existing").value(lock.pre_existing);
  w.end_object();
}

void write_edit(PrettyJsonWriter& w, const SourceFile& source, const Edit& edit) {
  const auto from = source.position(edit.range.begin);
  const auto to = source.position(edit.range.end);
  w.begin_object();
  w.key("line").value(from.line);
  w.key("column").value(from.column_chars);
  w.key("endLine").value(to.line);
  w.key("endColumn").value(to.column_chars);
  w.key("offset").value(edit.range.begin);
  w.key("endOffset").value(edit.range.end);
  w.key("replacement").value(edit.replacement);
  w.end_object();
}

void write_fix(PrettyJsonWriter& w, const SourceFile& source, const HeapOptional<Fix>& fix) {
  if (!fix) {
    w.null();
    return;
  }
  w.begin_object();
  w.key("title").value(fix->title);
  w.key("safe").value(fix->safe);
  w.key("edits").begin_array();
  for (const auto& edit : fix->edits) write_edit(w, source, edit);
  w.end_array();
  w.end_object();
}

void write_diagnostic(PrettyJsonWriter& w, const LintResult& result, const Diagnostic& d) {
  const auto& file = result.files.at(d.file);
  const SourceFile& source = *file.source;
  const auto begin = source.position(d.range.begin);
  const auto end = source.position(d.range.end);
  w.begin_object();
  w.key("rule").value(d.rule.str());
  w.key("severity").value(to_string(d.severity));
  w.key("file").value(file.path);
  w.key("line").value(begin.line);
  w.key("column").value(begin.column_chars);
  w.key("endLine").value(end.line);
  w.key("endColumn").value(end.column_chars);
  w.key("message").value(d.message);
  w.key("help").value(d.help);
  w.key("notes").begin_array();
  for (const auto& note : d.notes) w.value(note.message);
  w.end_array();
  w.key("fingerprint").value(d.fingerprint);
  w.key("locks").begin_array();
  for (const auto& lock : d.locks) write_lock(w, lock);
  w.end_array();
  w.key("fix");
  write_fix(w, source, d.fix);
  w.end_object();
}

void write_problem(PrettyJsonWriter& w, const InputProblem& problem) {
  w.begin_object();
  w.key("path").value(problem.path);
  w.key("severity").value(problem.is_error ? "error" : "warning");
  w.key("message").value(problem.message);
  w.end_object();
}

void write_summary(PrettyJsonWriter& w, const LintResult& result) {
  const auto counts = count_by_severity(result);
  w.begin_object();
  w.key("files").value(result.checked_files());
  w.key("statements").value(result.statements());
  w.key("diagnostics").value(result.diagnostics.size());
  w.key("errors").value(counts.errors);
  w.key("warnings").value(counts.warnings);
  w.key("infos").value(counts.infos);
  w.end_object();
}

}  // namespace

void report_json(std::ostream& out, const LintResult& result) {
  std::string buffer;
  buffer.reserve(kFlushAt + 4096);
  PrettyJsonWriter w(buffer);
  w.begin_object();
  w.key("version").value(ZDLINT_VERSION);
  w.key("files").begin_array();
  for (const auto& file : result.files) {
    if (file.history) continue;
    write_file_entry(w, file);
    flush_if_large(out, buffer);
  }
  w.end_array();
  w.key("diagnostics").begin_array();
  for (const auto& d : result.diagnostics) {
    write_diagnostic(w, result, d);
    flush_if_large(out, buffer);
  }
  w.end_array();
  w.key("problems").begin_array();
  for (const auto& problem : result.problems) write_problem(w, problem);
  w.end_array();
  w.key("summary");
  write_summary(w, result);
  w.end_object();
  buffer += '\n';
  out << buffer;
}

}  // namespace zdlint
