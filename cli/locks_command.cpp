// `zdlint locks PATH...`: what each statement will do to production, predicted from the migration
// history with no database: the locks per relation, what they block, rewrites, scans and cost.
#include <fmt/format.h>
#include <iostream>

#include "analyzer/engine.h"
#include "analyzer/thread_pool.h"
#include "cli/commands.h"
#include "cli/report_output.h"
#include "reporters/locks_reporter.h"

namespace zdlint::cli {
namespace {

struct LocksOptions {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string output;
  int pg_version = 15;
  bool assume_in_transaction = false;
  std::string color = "auto";
  unsigned jobs = 0;
  std::string stdin_filename;
};

int run(const LocksOptions& options) {
  LintRequest request;
  request.paths = options.paths;
  if (!options.stdin_filename.empty()) request.stdin_filename = options.stdin_filename;
  request.settings.pg_version = options.pg_version;
  request.settings.assume_in_transaction = options.assume_in_transaction;
  request.jobs = options.jobs ? options.jobs : default_jobs();
  request.run_rules = false;
  request.describe_locks = false;  // no findings: the locks are printed from on_effects
  std::vector<StatementLocks> statements;
  request.on_effects = [&](FileId, const SourceFile& source, const Statement& stmt, const Session& session,
                           const StatementEffects& effects) {
    if (stmt.origin == StatementOrigin::FunctionBody) return;  // runs when called, not now
    const auto begin = source.position(stmt.range.begin);
    StatementLocks& entry = statements.emplace_back();
    entry.file = source.path();
    entry.line = begin.line;
    entry.column = begin.column_chars;
    entry.sql = std::string(source.text().substr(stmt.range.begin, stmt.range.end - stmt.range.begin));
    entry.effects = effects;
    entry.in_transaction = session.in_transaction();
    if (session.lock_timeout()) entry.lock_timeout_ms = session.lock_timeout()->milliseconds;
    if (session.statement_timeout()) entry.statement_timeout_ms = session.statement_timeout()->milliseconds;
  };
  const LintResult result = run_lint(request);
  print_problems(result, false);
  for (const auto& d : result.diagnostics)  // syntax errors: the statement could not be analysed
    if (d.file < result.files.size() && result.files[d.file].source) {
      const auto at = result.files[d.file].source->position(d.range.begin);
      std::cerr << fmt::format("zdlint: warning: {}:{}:{}: {}; this statement is left out\n", result.files[d.file].path,
                               at.line, at.column_chars, d.message);
    }
  if (result.files.empty() && result.problems.empty()) std::cerr << "zdlint: error: no SQL files given\n";

  ReportOutput output;
  if (!output.open(options.output)) return kExitError;
  if (options.format == "json")
    report_locks_json(output.stream(), statements);
  else
    report_locks_text(output.stream(), statements, use_color(options.color, output.to_stdout()));
  if (!output.finish()) return kExitError;
  return result.has_input_errors() || result.files.empty() ? kExitError : kExitClean;
}

}  // namespace

Runner add_locks_command(CLI::App& app) {
  auto options = std::make_shared<LocksOptions>();
  auto* cmd = app.add_subcommand(
      "locks", "Print the locks, rewrites and scans each statement takes, replaying the history in PATH...");
  cmd->add_option("PATH", options->paths, "Migration files or directories, replayed in order; - reads standard input")
      ->required();
  cmd->add_option("--format", options->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->add_option("--output", options->output, "Write the report to FILE instead of standard output");
  cmd->add_option("--pg-version", options->pg_version, "Major version of the production PostgreSQL server")
      ->check(CLI::Range(9, 18))
      ->capture_default_str();
  cmd->add_flag("--assume-in-transaction", options->assume_in_transaction,
                "Each file runs inside one transaction (as most migration runners do)");
  cmd->add_option("--color", options->color, "Color the text output (NO_COLOR is honoured by auto)")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  cmd->add_option("--jobs,-j", options->jobs, "Threads that read directories and parse files (default: number of cores)")
      ->check(CLI::Range(1u, 1024u));
  cmd->add_option("--stdin-filename", options->stdin_filename, "Name to report for SQL read from standard input (-)");
  return [options] { return run(*options); };
}

}  // namespace zdlint::cli
