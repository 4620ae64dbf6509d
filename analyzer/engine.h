#pragma once
// The pipeline: discover, read and parse in parallel, replay in order, run the rules.
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "analyzer/directory_listing.h"
#include "analyzer/diagnostic.h"
#include "analyzer/input.h"
#include "parser/parse_file.h"
#include "rules/rule.h"

namespace zdlint {

struct RuleSelection {
  std::set<std::string, std::less<>> select;  // empty: every rule
  std::set<std::string, std::less<>> ignore;
  [[nodiscard]] bool enabled(std::string_view id) const {
    return (select.empty() || select.contains(id)) && !ignore.contains(id);
  }
};

// Everything that may differ between files: the request's defaults overlaid by the file's
// .zdlint.toml (and its per-path overrides), then by the command line. Built by config/.
struct FileSettings {
  LintSettings lint;
  RuleSelection rules;
  std::map<std::string, Severity, std::less<>> severity;  // per-rule severity overrides
  bool excluded = false;  // left out entirely: not read, not replayed
};

// Called for every statement the replay executes, with what the lock model predicts for it.
using EffectsObserver =
    std::function<void(FileId, const SourceFile&, const Statement&, const Session&, const StatementEffects&)>;

// An infrastructure file of the change set (Terraform, CloudFormation, compose, …; see
// analyzer/engine_upgrade.h), read for its engine version declarations, never parsed as SQL.
struct InfrastructureFile {
  std::string path;          // to open
  std::string display_path;  // to report
  // Found by --changed-since: `text_at_ref` is the file at the ref (unset: the file is new since).
  // Otherwise the file was named on the command line, and there is no earlier revision to compare.
  bool from_git = false;
  std::optional<std::string> text_at_ref;
};

struct LintRequest {
  std::vector<std::string> paths;  // "-" reads standard input
  std::string stdin_filename = "<stdin>";
  std::optional<std::string> stdin_text;  // what "-" reads instead of standard input (fuzzing, embedding)
  LintSettings settings;
  RuleSelection rules;
  unsigned jobs = 1;
  ParseOptions parse;
  bool run_rules = true;
  // Fill each finding's Diagnostic::locks. Only the JSON output lists them; without it a run over a
  // large history keeps no lock list per statement and copies none into its findings.
  bool describe_locks = true;
  // Fill each finding's Diagnostic::fingerprint. Baselines and the JSON, SARIF and GitLab outputs use
  // it; without it no statement with a finding has its tree walked for its fingerprint, or its text
  // parsed again where the tree cannot serve (parser/tree_fingerprint.h).
  bool fingerprints = true;
  EffectsObserver on_effects;  // optional
  // Per-file settings (from .zdlint.toml); when unset every file uses `settings` and `rules`.
  // Called with the path as discovered (the display path).
  std::function<FileSettings(const std::string& path)> settings_for;
  // Replay the migrations that precede each named file in its directory first, without reporting
  // them, so a file linted alone (pre-commit, an editor) still sees its history.
  bool with_history = false;
  // --changed-since: only these files (absolute, canonical) are reported; the others are replayed as
  // history up to the last of them, and those after it are left out.
  std::optional<std::set<std::filesystem::path>> changed_files;
  // --changed-since: the changed infrastructure files of the whole repository. Without it, the
  // infrastructure files named among `paths` are the change set's.
  std::vector<InfrastructureFile> changed_infrastructure;
};

struct FileReport {
  std::string path;
  // The file's text; null when the run found nothing in it, reported or suppressed (only findings
  // are shown with their text, and a long history's texts would otherwise be held to the run's end).
  std::shared_ptr<const SourceFile> source;
  uint32_t statements = 0;                   // top-level statements analysed
  bool empty = false;
  // Replayed only as history of a named file (--with-history): its findings are not reported and
  // it is not counted as checked.
  bool history = false;
  std::string runner;  // the runner the file was linted for ("" when none was configured or recognised)
  bool infrastructure = false;  // an infrastructure file with a finding, not a migration
  // A down migration file, read after its up only to check that it reverts it: not replayed, not
  // counted as checked, and only the rollback rules report in it.
  bool down = false;
};

struct LintResult {
  std::vector<FileReport> files;  // indexed by FileId, in replay order
  std::vector<Diagnostic> diagnostics;  // sorted by file, then position; suppressed findings left out
  // Findings a zdlint-ignore directive suppressed, each with its `suppression` set (the directive's
  // reason and range), sorted like `diagnostics`. Not counted for the exit code; for outputs that
  // list them (SARIF `suppressions[]`, an --include-suppressed option).
  std::vector<Diagnostic> suppressed;
  std::vector<InputProblem> problems;   // unreadable input, empty files, …
  // What the run's discovery listed of each directory (by the paths it walked): an output that needs
  // to know whether a reported path is a symbolic link (SARIF's URIs) asks it before the file system.
  std::shared_ptr<const DirectoryListings> listings;
  // What the run built that no output reads (the replay's catalog of every table, its runner
  // detection's answers), handed over rather than freed as run_lint returns: freeing the corpus's
  // catalog takes 2-3 ms of the run's one thread. The caller frees it when it suits (the CLI, on a
  // thread of its own while it writes the report), or with the result.
  std::vector<std::shared_ptr<const void>> retired;
  [[nodiscard]] bool has_input_errors() const;
  [[nodiscard]] uint32_t statements() const;    // in the checked files
  [[nodiscard]] size_t checked_files() const;  // files not replayed only as history
};

// The files a run will read, in replay order, and the paths that could not be used. Planning is
// separate from running so that a caller can load every file's configuration first (and stop on a
// bad one) without walking the directories twice.
struct PlannedFile {
  std::string path;          // to open ("-": standard input)
  std::string display_path;  // to report
  bool from_stdin = false;
  bool named = false;    // given explicitly as a file, not found in a directory
  bool history = false;  // replayed for --with-history only, not reported
};
struct LintPlan {
  std::vector<PlannedFile> files;
  std::vector<InfrastructureFile> infrastructure;
  std::vector<InputProblem> problems;
  // What discovery listed of each directory, asked again by the run's runner detection.
  std::shared_ptr<DirectoryListings> listings = std::make_shared<DirectoryListings>();
};

LintPlan plan_lint(const LintRequest& request);
LintResult run_lint(const LintRequest& request, LintPlan plan);
LintResult run_lint(const LintRequest& request);  // plans, then runs

}  // namespace zdlint
