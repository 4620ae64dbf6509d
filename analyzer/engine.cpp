#include "analyzer/engine.h"

#include <algorithm>
#include <iostream>
#include <iterator>
#include <sstream>

#include "analyzer/catalog.h"
#include "analyzer/lock_model.h"
#include "analyzer/session.h"
#include "analyzer/discovery.h"
#include "analyzer/suppression.h"
#include "analyzer/thread_pool.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

struct PendingFile {
  std::string path;
  std::string display_path;
  bool from_stdin = false;
  std::optional<InputProblem> problem;
  std::shared_ptr<const SourceFile> source;
  std::optional<ParsedFile> parsed;  // unset for files streamed during the replay
};

std::vector<PendingFile> collect_inputs(const LintRequest& request, std::vector<InputProblem>& problems) {
  std::vector<PendingFile> files;
  std::vector<std::string> batch;
  const auto flush = [&] {
    if (batch.empty()) return;
    Discovery found = discover(batch);
    for (auto& f : found.files) files.push_back({f.path, f.display_path});
    std::move(found.problems.begin(), found.problems.end(), std::back_inserter(problems));
    batch.clear();
  };
  for (const auto& path : request.paths) {
    if (path == "-") {
      flush();
      files.push_back({"-", request.stdin_filename, true});
    } else {
      batch.push_back(path);
    }
  }
  flush();
  return files;
}

void read_and_parse(PendingFile& file, const ParseOptions& options) {
  std::variant<std::string, InputProblem> text;
  if (file.from_stdin) {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    text = validate_source(std::move(buffer).str(), file.display_path);
  } else {
    text = read_source(file.path, file.display_path);
  }
  if (auto* problem = std::get_if<InputProblem>(&text)) {
    file.problem = std::move(*problem);
    return;
  }
  file.source = std::make_shared<const SourceFile>(file.display_path, std::move(std::get<std::string>(text)));
  if (file.source->text().size() <= options.streaming_threshold_bytes) file.parsed = parse_file(file.source, options);
}

class Replay {
 public:
  Replay(const LintRequest& request, LintResult& result) : request_(request), result_(result) {
    for (const Rule* rule : all_rules())
      if ((rule->check || rule->check_file) && request.run_rules && request.rules.enabled(rule->meta.id))
        rules_.push_back(rule);
    report_syntax_errors_ = request.rules.enabled(syntax_error_rule().meta.id);
    // Without the rules (zdlint locks) directives are still honoured but never judged.
    policy_.report_invalid = request.run_rules && request.rules.enabled(invalid_ignore_rule().meta.id);
    policy_.report_unused = request.run_rules && request.rules.enabled(unused_ignore_rule().meta.id);
    policy_.rule_ran = [this](std::string_view id) {
      if (id == syntax_error_rule().meta.id) return report_syntax_errors_;
      if (id == invalid_ignore_rule().meta.id) return policy_.report_invalid;
      return std::any_of(rules_.begin(), rules_.end(), [&](const Rule* r) { return r->meta.id == id; });
    };
  }

  void file(FileId id, PendingFile& pending) {
    migration_ = {id, pending.source.get()};
    session_.begin_file(request_.settings.assume_in_transaction);
    summaries_.clear();
    suppressions_ = FileSuppressions();
    const size_t first_diagnostic = result_.diagnostics.size();
    FileReport& report = result_.files[id];
    if (pending.parsed) {
      for (const auto& stmt : pending.parsed->statements) statement(stmt, report);
      for (auto& error : pending.parsed->syntax_errors) syntax_error(std::move(error));
      for (const auto& comment : pending.parsed->file_comments) suppressions_.add_file_comment(comment);
      pending.parsed.reset();  // the trees are no longer needed
    } else {
      const ParseSink sink{
          [&](Statement&& stmt) { statement(stmt, report); },
          [&](SyntaxError&& error) { syntax_error(std::move(error)); },
          [&](Comment&& comment) { suppressions_.add_file_comment(comment); },
      };
      parse_streaming(*pending.source, request_.parse, sink);
    }
    const FileContext ctx{migration_, request_.settings, session_, summaries_};
    for (const Rule* rule : rules_) {
      if (!rule->check_file) continue;
      Emitter emitter(rule->meta, migration_.file, result_.diagnostics);
      rule->check_file(ctx, emitter);
    }
    suppressions_.finish(id, first_diagnostic, result_.diagnostics, result_.suppressed, policy_);
  }

 private:
  void statement(const Statement& stmt, FileReport& report) {
    const StatementEffects effects =
        lock_model({stmt, catalog_, session_, migration_.file, request_.settings.pg_version});
    if (stmt.origin == StatementOrigin::TopLevel) {
      ++report.statements;
      // Embedded PL/pgSQL statements lie inside their host's range: the host's directives cover them.
      suppressions_.add_statement(stmt, migration_.source->text());
      summaries_.push_back({stmt.range, stmt.kind(), effects.concurrently, effects.refuses_transaction,
                            session_.in_transaction(), effects.strongest_on_pre_existing()});
    }
    if (request_.on_effects) request_.on_effects(migration_.file, *migration_.source, stmt, session_, effects);
    const StatementContext ctx{stmt, catalog_, migration_, request_.settings, session_, effects};
    for (const Rule* rule : rules_) {
      if (!rule->check) continue;
      Emitter emitter(rule->meta, migration_.file, result_.diagnostics);
      rule->check(ctx, emitter);
    }
    catalog_.apply(stmt, Origin{migration_.file, session_.transaction_id()});
    session_.apply(stmt, effects);
  }

  void syntax_error(SyntaxError&& error) {
    if (!report_syntax_errors_) return;
    Diagnostic& d = result_.diagnostics.emplace_back();
    d.rule = RuleId(syntax_error_rule().meta.id);
    d.severity = syntax_error_rule().meta.severity;
    d.file = migration_.file;
    d.range = error.range;
    d.message = std::move(error.message);
    if (error.gave_up)
      d.help = "fix the errors above first; a file in another SQL dialect or a data dump is better excluded";
    else
      d.help = "PostgreSQL 15's grammar rejects this statement; zdlint analysed the rest of the file";
  }

  const LintRequest& request_;
  LintResult& result_;
  std::vector<const Rule*> rules_;
  bool report_syntax_errors_ = true;
  Catalog catalog_;
  Session session_;
  MigrationInfo migration_;
  std::vector<StatementSummary> summaries_;
  FileSuppressions suppressions_;
  SuppressionPolicy policy_;
};

}  // namespace

bool LintResult::has_input_errors() const {
  return std::any_of(problems.begin(), problems.end(), [](const InputProblem& p) { return p.is_error; });
}

uint32_t LintResult::statements() const {
  uint32_t n = 0;
  for (const auto& f : files) n += f.statements;
  return n;
}

LintResult run_lint(const LintRequest& request) {
  LintResult result;
  std::vector<PendingFile> pending = collect_inputs(request, result.problems);
  parallel_for(pending.size(), request.jobs, [&](size_t i) { read_and_parse(pending[i], request.parse); });

  // Only readable files take part in the replay; FileIds index result.files.
  Replay replay(request, result);
  for (auto& file : pending) {
    if (file.problem) {
      result.problems.push_back(std::move(*file.problem));
      continue;
    }
    const auto id = static_cast<FileId>(result.files.size());
    result.files.push_back({file.display_path, file.source, 0, file.source->text().empty()});
    if (file.source->text().empty()) result.problems.push_back({file.display_path, "is empty; nothing to lint", false});
    replay.file(id, file);
  }
  const auto by_position = [](const Diagnostic& a, const Diagnostic& b) {
    if (a.file != b.file) return a.file < b.file;
    if (a.range.begin != b.range.begin) return a.range.begin < b.range.begin;
    return a.rule < b.rule;
  };
  std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(), by_position);
  std::stable_sort(result.suppressed.begin(), result.suppressed.end(), by_position);
  return result;
}

}  // namespace zdlint
