#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <thread>
#include <utility>

#include "analyzer/baseline.h"
#include "analyzer/engine.h"
#include "analyzer/engine_upgrade.h"
#include "analyzer/git_changes.h"
#include "analyzer/thread_pool.h"
#include "cli/commands.h"
#include "cli/config_flags.h"
#include "cli/report_output.h"
#include "reporters/reporter.h"
#include "rules/registry.h"

namespace zdlint::cli {
namespace {

struct LintOptions {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string output;
  ConfigFlags config;  // --config and the flags that override .zdlint.toml
  std::string color = "auto";
  unsigned jobs = 0;
  bool quiet = false;
  bool include_suppressed = false;
  bool with_history = false;
  std::string baseline;        // report only findings this baseline does not record
  std::string write_baseline;  // record every current finding here first
  std::string stdin_filename;
  std::string changed_since;  // git ref
};

// --write-baseline records the findings and then applies the file it wrote, so the run reports
// nothing and a CI job can commit the result; --baseline filters. Returns false on an I/O error.
bool apply_baseline_options(const std::string& baseline_path, const std::string& write_path, bool quiet,
                            LintResult& result) {
  const std::string& path = write_path.empty() ? baseline_path : write_path;
  if (path.empty()) return true;
  Baseline baseline;
  if (!write_path.empty()) {
    baseline = make_baseline(result, write_path);
    if (const auto error = write_baseline(baseline, write_path)) {
      std::cerr << "zdlint: error: " << error->message << '\n';
      return false;
    }
    if (!quiet)
      std::cerr << fmt::format("zdlint: wrote {} finding{} to the baseline {}\n", baseline.entries.size(),
                               baseline.entries.size() == 1 ? "" : "s", path);
  } else if (const auto error = read_baseline(path, baseline)) {
    std::cerr << "zdlint: error: " << error->message << '\n';
    return false;
  }
  const BaselineMatch match = apply_baseline(baseline, path, result);
  if (!quiet && write_path.empty()) {
    if (match.matched)
      std::cerr << fmt::format("zdlint: {} finding{} recorded in {} not shown\n", match.matched,
                               match.matched == 1 ? "" : "s", path);
    if (match.stale)
      std::cerr << fmt::format("zdlint: {} entr{} of {} no longer match{} a finding (fixed, or the file was renamed); "
                               "run with --write-baseline {} to drop {}\n",
                               match.stale, match.stale == 1 ? "y" : "ies", path, match.stale == 1 ? "es" : "",
                               path, match.stale == 1 ? "it" : "them");
  }
  return true;
}

// The changed infrastructure files of the whole repository (an engine upgrade is rarely next to the
// migrations), each with its text at the ref so that only a real version change is reported. Git
// is asked for the earlier text only of the files that declare a version now (a pull request that
// edits a hundred package.json files starts no git process for them). A symbolic link is left out:
// its target may be outside the repository. Larger files (a generated lock file) hold no engine
// version worth the read.
std::vector<InfrastructureFile> changed_infrastructure(const ChangedFiles& changes, const std::string& ref) {
  constexpr std::uintmax_t kLargestInfrastructureFile = 16u << 20;
  std::vector<InfrastructureFile> files;
  const auto cwd = std::filesystem::current_path();
  for (const auto& path : changes.files) {
    std::error_code ec;
    if (!is_infrastructure_file(path) || std::filesystem::is_symlink(path, ec) ||
        !std::filesystem::is_regular_file(path, ec) || std::filesystem::file_size(path, ec) > kLargestInfrastructureFile)
      continue;
    std::ifstream in(path, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (scan_engine_versions(path, text).empty()) continue;
    std::string display = path.lexically_relative(cwd).generic_string();
    if (display.empty()) display = path.string();
    files.push_back({path.string(), std::move(display), true, file_at_ref(changes.repository, ref, path)});
  }
  return files;
}

// `nothing_to_check_is_fine`: --changed-since found no changed migration, which is a clean run.
int exit_code(const LintResult& result, const std::string& fail_on, bool nothing_to_check_is_fine) {
  if (result.has_input_errors() || (result.checked_files() == 0 && !nothing_to_check_is_fine)) return kExitError;
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
  request.jobs = options.jobs ? options.jobs : default_jobs();
  request.with_history = options.with_history;
  request.describe_locks = options.format == "json";  // the only output that lists them
  // The text and GitHub outputs show no fingerprint; a baseline matches findings by it.
  request.fingerprints = (options.format != "text" && options.format != "github") || !options.baseline.empty() ||
                         !options.write_baseline.empty();
  if (!options.changed_since.empty()) {
    auto changes = changed_since(options.changed_since, std::filesystem::current_path());
    if (const auto* error = std::get_if<std::string>(&changes)) {
      std::cerr << fmt::format("zdlint: error: --changed-since {}: {}\n", options.changed_since, *error);
      return kExitError;
    }
    auto& changed = request.changed_files.emplace();
    for (const auto& path : std::get<ChangedFiles>(changes).files) {
      std::error_code ec;
      changed.insert(std::filesystem::weakly_canonical(path, ec));
    }
    request.changed_infrastructure = changed_infrastructure(std::get<ChangedFiles>(changes), options.changed_since);
  }
  // Each file gets the settings of its nearest .zdlint.toml (or --config), under the flags given.
  const auto command_line = cli::command_line(options.config);
  if (!command_line) return kExitError;
  config::SettingsProvider settings(*command_line, options.config.config_path());
  // The history is replayed in the runner's order: --runner is known now, a config's runner once the
  // configs are read (then the files are planned again, in that runner's order).
  if (command_line->runner) request.settings.runner = *command_line->runner;
  LintPlan plan = plan_lint(request);
  if (!preload_configs(settings, plan)) return kExitError;
  request.settings_for = settings.settings_for();
  const FileSettings here = settings.effective(".", true).file_settings();  // SARIF lists these rules
  const std::string planned_runner = request.settings.runner;
  request.settings = here.lint;
  if (request.settings.runner != planned_runner) plan = plan_lint(request);
  request.rules = here.rules;
  const std::string fail_on = settings.fail_on();

  LintResult result = run_lint(request, std::move(plan));
  // What the run kept only to free it (LintResult::retired: the replay's catalog) is freed on a
  // thread of its own while the report is written: neither on this thread before the report (2-3 ms
  // of the corpus's run) nor at exit, which would keep a large history's catalog alive through the
  // report and add it to the run's peak memory. With --jobs 1, here.
  std::jthread freeing_retired;
  if (request.jobs > 1)
    freeing_retired = std::jthread([retired = std::exchange(result.retired, {})]() mutable { retired.clear(); });
  else
    result.retired.clear();
  print_problems(result, options.quiet);
  if (!apply_baseline_options(options.baseline, options.write_baseline, options.quiet, result)) return kExitError;
  const bool nothing_changed = request.changed_files && result.checked_files() == 0;
  if (nothing_changed && !options.quiet)
    std::cerr << fmt::format("zdlint: no migration under the given paths changed since {}\n", options.changed_since);
  else if (result.checked_files() == 0 && result.problems.empty())
    std::cerr << "zdlint: error: no SQL files to lint\n";

  ReportOutput output;
  if (!output.open(options.output)) return kExitError;
  std::ostream& out = output.stream();
  if (options.format == "json") {
    report_json(out, result);
  } else if (options.format == "sarif") {
    SarifOptions sarif;
    sarif.rules = request.rules;
    sarif.exit_code = exit_code(result, fail_on, nothing_changed);
    sarif.include_suppressed = options.include_suppressed;
    sarif.jobs = request.jobs;
    report_sarif(out, result, sarif);
  } else if (options.format == "github") {
    report_github(out, result, {.quiet = options.quiet, .base_directory = {}});
  } else if (options.format == "gitlab") {
    report_gitlab(out, result, {});
  } else {
    report_text(out, result, {use_color(options.color, output.to_stdout()), options.quiet});
  }
  if (!output.finish()) return kExitError;
  const int code = exit_code(result, fail_on, nothing_changed);
  // The process ends with this command: the findings, sources and trees of a large run are left to
  // the operating system, which takes them back at once, rather than freed an allocation at a time
  // (as compilers do; about 2% of a run over a corpus of thousands of files). Kept reachable (a
  // volatile store is never optimised away), so that LeakSanitizer does not count them as lost.
  [[maybe_unused]] static const LintResult* volatile left_to_exit = nullptr;
  left_to_exit = new LintResult(std::move(result));
  return code;
}

}  // namespace

Runner add_lint_command(CLI::App& app) {
  auto options = std::make_shared<LintOptions>();
  auto* cmd = app.add_subcommand("lint", "Lint migration files and directories (the default subcommand)");
  cmd->add_option("PATH", options->paths,
                  "Migration files or directories (searched recursively for *.sql, in natural order); - reads "
                  "standard input. Infrastructure files named here (main.tf, docker-compose.yml, …) are read for "
                  "the PostgreSQL engine version")
      ->required();
  cmd->add_option("--format", options->format, "Output format")
      ->check(CLI::IsMember({"text", "json", "sarif", "github", "gitlab"}))
      ->capture_default_str();
  cmd->add_option("--output", options->output, "Write the report to FILE instead of standard output");
  add_config_flags(*cmd, options->config);
  cmd->add_option("--color", options->color, "Color the text output (NO_COLOR is honoured by auto)")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  cmd->add_option("--jobs,-j", options->jobs, "Threads that read directories and parse files (default: number of cores)")
      ->check(CLI::Range(1u, 1024u));
  cmd->add_flag("--quiet,-q", options->quiet, "Print diagnostics only: no source excerpts, summary or warnings");
  cmd->add_flag("--include-suppressed", options->include_suppressed,
                "SARIF only: also list the findings zdlint-ignore suppressed, with suppressions[]");
  cmd->add_flag("--with-history", options->with_history,
                "Replay the migrations before each named file in its directory first, without reporting them "
                "(for pre-commit hooks and editors that pass single files)");
  cmd->add_option("--baseline", options->baseline,
                  "Report only findings FILE does not record (matched by file, rule and fingerprint, not line)");
  cmd->add_option("--write-baseline", options->write_baseline,
                  "Record every current finding in FILE, then report as with --baseline FILE (nothing)");
  cmd->add_option("--changed-since", options->changed_since,
                  "Report only the migrations added or modified since this git ref (committed, staged, unstaged "
                  "or untracked); the earlier ones are replayed as history");
  cmd->add_option("--stdin-filename", options->stdin_filename, "Name to report for SQL read from standard input (-)");
  return [options] { return run(*options); };
}

}  // namespace zdlint::cli
