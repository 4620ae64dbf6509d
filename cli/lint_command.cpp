#include <fmt/format.h>

#include <iostream>
#include <sstream>

#include "analyzer/engine.h"
#include "analyzer/thread_pool.h"
#include "cli/commands.h"
#include "cli/report_output.h"
#include "reporters/reporter.h"
#include "rules/registry.h"

namespace zdlint::cli {
namespace {

struct LintOptions {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string output;
  int pg_version = 15;
  bool assume_in_transaction = false;
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  std::string fail_on = "warning";
  std::string color = "auto";
  unsigned jobs = 0;
  bool quiet = false;
  bool include_suppressed = false;
  std::string stdin_filename;
};

// Rule lists accept commas and repetition: --select a,b --select c.
bool parse_rule_list(const std::vector<std::string>& values, std::string_view flag,
                     std::set<std::string, std::less<>>& out) {
  for (const auto& value : values) {
    std::stringstream items(value);
    for (std::string id; std::getline(items, id, ',');) {
      id.erase(0, id.find_first_not_of(' '));
      id.erase(id.find_last_not_of(' ') + 1);
      if (id.empty()) continue;
      if (!find_rule(id)) {
        std::cerr << fmt::format("zdlint: error: {} names unknown rule '{}'; `zdlint rules` lists them all\n", flag, id);
        return false;
      }
      out.insert(id);
    }
  }
  return true;
}

int exit_code(const LintResult& result, const std::string& fail_on) {
  if (result.has_input_errors() || result.files.empty()) return kExitError;
  if (fail_on == "none") return kExitClean;
  const Severity threshold = *parse_severity(fail_on);
  for (const auto& d : result.diagnostics)
    if (d.severity >= threshold) return kExitFindings;
  return kExitClean;
}

int run(const LintOptions& options) {
  LintRequest request;
  request.paths = options.paths;
  if (!options.stdin_filename.empty()) request.stdin_filename = options.stdin_filename;
  request.settings.pg_version = options.pg_version;
  request.settings.assume_in_transaction = options.assume_in_transaction;
  request.jobs = options.jobs ? options.jobs : default_jobs();
  if (!parse_rule_list(options.select, "--select", request.rules.select) ||
      !parse_rule_list(options.ignore, "--ignore", request.rules.ignore))
    return kExitError;

  const LintResult result = run_lint(request);
  print_problems(result, options.quiet);
  if (result.files.empty() && result.problems.empty()) std::cerr << "zdlint: error: no SQL files to lint\n";

  ReportOutput output;
  if (!output.open(options.output)) return kExitError;
  std::ostream& out = output.stream();
  if (options.format == "json") {
    report_json(out, result);
  } else if (options.format == "sarif") {
    SarifOptions sarif;
    sarif.rules = request.rules;
    sarif.exit_code = exit_code(result, options.fail_on);
    sarif.include_suppressed = options.include_suppressed;
    report_sarif(out, result, sarif);
  } else {
    report_text(out, result, {use_color(options.color, output.to_stdout()), options.quiet});
  }
  if (!output.finish()) return kExitError;
  return exit_code(result, options.fail_on);
}

}  // namespace

Runner add_lint_command(CLI::App& app) {
  auto options = std::make_shared<LintOptions>();
  auto* cmd = app.add_subcommand("lint", "Lint migration files and directories (the default subcommand)");
  cmd->add_option("PATH", options->paths,
                  "Migration files or directories (searched recursively for *.sql, in natural order); - reads "
                  "standard input")
      ->required();
  cmd->add_option("--format", options->format, "Output format")
      ->check(CLI::IsMember({"text", "json", "sarif"}))
      ->capture_default_str();
  cmd->add_option("--output", options->output, "Write the report to FILE instead of standard output");
  cmd->add_option("--pg-version", options->pg_version, "Major version of the production PostgreSQL server")
      ->check(CLI::Range(9, 18))
      ->capture_default_str();
  cmd->add_flag("--assume-in-transaction", options->assume_in_transaction,
                "Each file runs inside one transaction (as most migration runners do)");
  // One value per flag (repeat the flag or use commas), so `--select RULE PATH` keeps PATH a path.
  cmd->add_option("--select", options->select, "Run only these rules (comma-separated ids)")->allow_extra_args(false);
  cmd->add_option("--ignore", options->ignore, "Do not run these rules (comma-separated ids)")->allow_extra_args(false);
  cmd->add_option("--fail-on", options->fail_on, "Lowest severity that makes the exit code 1")
      ->check(CLI::IsMember({"error", "warning", "info", "none"}))
      ->capture_default_str();
  cmd->add_option("--color", options->color, "Color the text output (NO_COLOR is honoured by auto)")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  cmd->add_option("--jobs,-j", options->jobs, "Files read and parsed in parallel (default: number of cores)")
      ->check(CLI::Range(1u, 1024u));
  cmd->add_flag("--quiet,-q", options->quiet, "Print diagnostics only: no source excerpts, summary or warnings");
  cmd->add_flag("--include-suppressed", options->include_suppressed,
                "SARIF only: also list the findings zdlint-ignore suppressed, with suppressions[]");
  cmd->add_option("--stdin-filename", options->stdin_filename, "Name to report for SQL read from standard input (-)");
  return [options] { return run(*options); };
}

}  // namespace zdlint::cli
