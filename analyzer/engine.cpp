#include "analyzer/engine.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unistd.h>

#include <algorithm>
#include <deque>
#include <filesystem>
#include <iterator>
#include <map>
#include <numeric>
#include <set>
#include <utility>

#include "analyzer/catalog.h"
#include "analyzer/change_set.h"
#include "analyzer/contract_directive.h"
#include "analyzer/discovery.h"
#include "analyzer/down_replay.h"
#include "analyzer/engine_upgrade.h"
#include "analyzer/fingerprint.h"
#include "analyzer/heap_optional.h"
#include "analyzer/liquibase_rollback.h"
#include "analyzer/lock_model.h"
#include "analyzer/locks_by_statement.h"
#include "analyzer/rollback_directive.h"
#include "analyzer/runners.h"
#include "analyzer/session.h"
#include "analyzer/suppression.h"
#include "analyzer/thread_pool.h"
#include "parser/tree_fingerprint.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

namespace fs = std::filesystem;

// The top-level statements with findings whose fingerprint their trees give (tree_fingerprint), by
// index in the file's statements: hashed on a worker once the file is replayed, off the replay's
// thread, before the trees are freed.
using StatementTrees = std::map<size_t, const PgQuery__Node*>;

// One file's findings to fingerprint: index ranges into the result's two vectors. Its statement
// fingerprints are computed on a worker once the file is replayed (precompute_fingerprints): from
// the trees where they can be, else by pg_query_fingerprint (a second parse). Only the cheap rest
// is left after the replay.
struct FingerprintJob {
  size_t first_diagnostic, end_diagnostic, first_suppressed, end_suppressed;
  std::vector<ByteRange> statements;
  std::shared_ptr<const SourceFile> source;
  std::vector<uint32_t> finding_starts;
  StatementFingerprints fingerprints;  // those the replay took from trees that do not outlive it
  StatementTrees trees;                // pointers into the file's trees, until precompute_fingerprints
};

// Must run while the job's file still holds its trees (PendingFile::parsed).
void precompute_fingerprints(FingerprintJob& job) {
  for (const auto& [index, tree] : job.trees)
    if (std::optional<std::string> fingerprint = tree_fingerprint(*tree))
      job.fingerprints.emplace(index, std::move(*fingerprint));
  job.trees.clear();
  job.fingerprints =
      fingerprint_statements(job.source->text(), job.statements, job.finding_starts, std::move(job.fingerprints));
}

// The down file next to an up file (paired_down_file), found for the rollback rules; read and
// parsed only when down-does-not-revert-up will compare it with the up.
struct PairedDown {
  fs::path path;
  std::string display_path;
  std::shared_ptr<const SourceFile> source;
  std::optional<ParsedFile> parsed;
  std::optional<InputProblem> problem;
};

// A planned file while the run reads, parses and replays it. A run holds one for every file until
// the replay ends, so what most files lack (a read error, a down file) is kept on the heap: 784
// bytes a file before, 440 now. The corpus's 4,582 files take 1.6 MB less, its 1,276 down files
// 0.4 MB of their own.
struct PendingFile {
  PlannedFile input;
  FileSettings settings;
  HeapOptional<InputProblem> problem;  // unreadable
  std::shared_ptr<const SourceFile> source;
  std::optional<ParsedFile> parsed;  // unset for files streamed during the replay
  const RunnerProfile* runner = nullptr;  // configured, or recognised before parsing (psql's masking)
  std::unique_ptr<PairedDown> down;
  std::vector<FingerprintJob*> fingerprint_jobs;  // the replay's jobs for its findings
};

std::vector<PlannedFile> collect_inputs(const LintRequest& request, std::vector<InputProblem>& problems,
                                       std::vector<InfrastructureFile>& infrastructure, DirectoryListings& listings) {
  std::vector<PlannedFile> files;
  std::vector<std::string> batch;
  const auto flush = [&] {
    if (batch.empty()) return;
    Discovery found = discover(batch, request.settings.runner, &listings, request.jobs);
    for (auto& f : found.files) files.push_back({f.path, f.display_path});
    std::move(found.problems.begin(), found.problems.end(), std::back_inserter(problems));
    batch.clear();
  };
  for (const auto& path : request.paths) {
    if (path == "-") {
      flush();
      files.push_back({"-", request.stdin_filename, true, true});
    } else {
      std::error_code ec;
      if (fs::is_regular_file(path, ec) && is_infrastructure_file(path)) {
        // Terraform, compose, … named with the migrations: read for engine versions, not as SQL.
        infrastructure.push_back({path, path, false, std::nullopt});
      } else if (fs::is_regular_file(path, ec)) {
        flush();
        Discovery found = discover({path});
        for (auto& f : found.files) files.push_back({f.path, f.display_path, false, true});
        std::move(found.problems.begin(), found.problems.end(), std::back_inserter(problems));
      } else {
        batch.push_back(path);
      }
    }
  }
  flush();
  return files;
}

std::string canonical_key(const std::string& path) {
  std::error_code ec;
  const fs::path canonical = fs::weakly_canonical(path, ec);
  return ec ? fs::path(path).lexically_normal().string() : canonical.string();
}

// --with-history: each directory holding a named file is discovered, and its migrations up to the
// last named one are replayed in the runner's order, where its first named file stood; those not
// named are history. Named files of one directory are thereby also put in replay order.
std::vector<PlannedFile> with_history(std::vector<PlannedFile> files, std::string_view runner,
                                      std::vector<InputProblem>& problems, DirectoryListings& listings, unsigned jobs) {
  const auto key_of = [](const PlannedFile& f) { return canonical_key(f.from_stdin ? f.display_path : f.path); };
  const auto directory_of = [](const PlannedFile& f) {
    const fs::path parent = fs::path(f.from_stdin ? f.display_path : f.path).parent_path();
    return parent.empty() ? std::string(".") : parent.string();
  };
  std::set<std::string> pending_keys;
  std::map<std::string, std::map<std::string, size_t>> named_by_directory;  // directory -> file key -> index
  for (size_t i = 0; i < files.size(); ++i) {
    pending_keys.insert(key_of(files[i]));
    if (files[i].named) named_by_directory[canonical_key(directory_of(files[i]))][key_of(files[i])] = i;
  }
  std::vector<PlannedFile> ordered;
  std::vector<bool> placed(files.size(), false);
  const auto place_directory = [&](const std::string& directory) {
    const auto& named = named_by_directory[canonical_key(directory)];
    Discovery found = discover({directory}, runner, &listings, jobs);
    std::move(found.problems.begin(), found.problems.end(), std::back_inserter(problems));
    // Named files discovery does not list (standard input for a file not saved yet) go where
    // their name sorts.
    std::set<std::string> listed;
    for (const auto& f : found.files) listed.insert(canonical_key(f.path));
    for (const auto& [key, index] : named) {
      if (listed.contains(key)) continue;
      const std::string& name = files[index].display_path;
      const auto at = std::find_if(found.files.begin(), found.files.end(),
                                   [&](const DiscoveredFile& f) { return natural_less(name, f.display_path); });
      found.files.insert(at, DiscoveredFile{name, name});
    }
    size_t last = 0;  // one past the last named file in the directory's order
    for (size_t k = 0; k < found.files.size(); ++k)
      if (named.contains(canonical_key(found.files[k].path))) last = k + 1;
    for (size_t k = 0; k < last; ++k) {
      const std::string key = canonical_key(found.files[k].path);
      if (const auto it = named.find(key); it != named.end()) {
        if (placed[it->second]) continue;
        ordered.push_back(std::move(files[it->second]));
        placed[it->second] = true;
      } else if (pending_keys.insert(key).second) {
        PlannedFile history{found.files[k].path, found.files[k].display_path};
        history.history = true;
        ordered.push_back(std::move(history));
      }
    }
  };
  for (size_t i = 0; i < files.size(); ++i) {
    if (placed[i]) continue;
    std::error_code ec;
    if (files[i].named && fs::is_directory(directory_of(files[i]), ec)) place_directory(directory_of(files[i]));
    if (!placed[i]) {  // not named, or a name discovery does not list (stdin for a new file)
      ordered.push_back(std::move(files[i]));
      placed[i] = true;
    }
  }
  return ordered;
}

// The down file of a reported up file, when a rollback rule will look at it.
void read_down_file(PendingFile& file, const LintRequest& request, RunnerDetector& detector) {
  const PlannedFile& input = file.input;
  const RuleSelection& rules = file.settings.rules;
  const bool compare = rules.enabled(down_does_not_revert_up_rule().meta.id);
  if (input.from_stdin || input.history || !request.run_rules ||
      !(compare || rules.enabled(missing_down_migration_rule().meta.id)))
    return;
  std::optional<fs::path> down_path = detector.down_file_of(input.path);
  if (!down_path) return;
  PairedDown& down = *(file.down = std::make_unique<PairedDown>());
  down.path = std::move(*down_path);
  if (!compare) return;
  const fs::path up_directory = fs::path(input.path).parent_path();
  const fs::path relative = down.path.lexically_relative(up_directory.empty() ? "." : up_directory);
  down.display_path = (fs::path(input.display_path).parent_path() / relative).lexically_normal().string();
  // Untrusted input: a down that is a symbolic link out of the migrations (to a secret) is not read,
  // so nothing of its target can reach a public annotation. The migrations are the up's directory,
  // or its parent for Sqitch's deploy/ and revert/.
  std::error_code ec;
  const std::optional<bool> listed_as_link = detector.is_symlink(down.path);
  if (listed_as_link ? *listed_as_link : fs::is_symlink(down.path, ec)) {
    const bool above = relative.begin() != relative.end() && *relative.begin() == "..";  // sqitch
    const fs::path root = fs::weakly_canonical(above ? up_directory.parent_path() : up_directory, ec);
    const fs::path target = fs::canonical(down.path, ec);
    const fs::path inside = target.lexically_relative(root);
    if (ec || inside.empty() || *inside.begin() == "..") {
      down.problem = InputProblem{down.display_path,
                                  "is a symbolic link that leaves the migration's directory; not followed", false};
      return;
    }
  }
  auto text = read_source(down.path.string(), down.display_path);
  if (auto* problem = std::get_if<InputProblem>(&text)) {
    down.problem = std::move(*problem);  // the up is still linted; a rollback would fail
    return;
  }
  down.source = std::make_shared<const SourceFile>(down.display_path, std::move(std::get<std::string>(text)));
  down.parsed = parse_file(down.source, request.parse);
}

void read_and_parse(PendingFile& file, const LintRequest& request, RunnerDetector& detector) {
  const ParseOptions& options = request.parse;
  const PlannedFile& input = file.input;
  std::variant<std::string, InputProblem> text;
  if (input.from_stdin && request.stdin_text) {
    text = validate_source(*request.stdin_text, input.display_path);
  } else if (input.from_stdin) {
    text = read_source_from(STDIN_FILENO, input.display_path);
  } else {
    text = read_source(input.path, input.display_path);
  }
  if (auto* problem = std::get_if<InputProblem>(&text)) {
    file.problem = std::move(*problem);
    return;
  }
  // The runner is known before parsing: a script that runs through psql is masked as psql reads it.
  const std::string& configured = file.settings.lint.runner;
  const std::string& path = input.from_stdin ? input.display_path : input.path;
  file.runner = configured.empty() ? detector.detect(path, std::get<std::string>(text)) : find_runner(configured);
  const bool psql_script = file.runner && (file.runner->name == "psql" || file.runner->name == "sqitch");
  file.source =
      std::make_shared<const SourceFile>(input.display_path, std::move(std::get<std::string>(text)), psql_script);
  if (file.source->text().size() <= options.streaming_threshold_bytes) file.parsed = parse_file(file.source, options);
  read_down_file(file, request, detector);
}

// How far the parse may run ahead of the replay: 256 files, and no more while those ready hold 4 MB
// of text. A parsed file takes some ten times its text, so without the second limit a directory of
// large files could hold 256 of them parsed ahead (40 files of 2 MB: 2.7 GB peak, 2.1 GB with it).
// The replay's pace and the parse's differ from one stretch of a history to the next, and with a
// window of 64 files the worker often waited for the replay, for stretches of 10 ms and more
// (perf: 1.25-1.45 of 2 cores busy). With 256 the corpus runs about 2% faster (bench/README.md),
// and its peak memory stays within a megabyte: its files average 2.5 KB, so the second limit
// seldom binds.
constexpr PipelineWindow kParsedAhead{.items = 256, .weight = 4u << 20};

// The bytes of text a read file holds (its down file's included), for the pipeline's window.
size_t bytes_held(const PendingFile& file) {
  return (file.source ? file.source->text().size() : 0) +
         (file.down && file.down->source ? file.down->source->text().size() : 0);
}

class Replay {
 public:
  Replay(const LintRequest& request, LintResult& result) : request_(request), result_(result) {}

  void file(FileId id, PendingFile& pending) {
    configure(pending);
    migration_ = {id, pending.source.get(), &plan_,
                  pending.input.history ? std::nullopt : contract_directive(*pending.source)};
    begin_session(pending);
    migration_.has_down = !plan_.down_parts.empty() || plan_.rollback_lines || pending.down != nullptr;
    if (!pending.input.history) migration_.rollback = rollback_directive(*pending.source);
    // Before the up changes the catalog: what it and its down name, as they are now.
    const std::optional<DownMigration> down = down_migration(pending);
    std::optional<RevertCheck> revert;
    if (down) revert.emplace(catalog_, up_statements(*pending.parsed), *down);
    summaries_.clear();
    tree_fingerprints_.clear();
    fingerprint_trees_.clear();
    trees_outlive_replay_ = pending.parsed.has_value();
    statement_locks_.clear();
    suppressions_ = FileSuppressions();
    const size_t first_diagnostic = result_.diagnostics.size();
    const size_t first_suppressed = result_.suppressed.size();
    FileReport& report = result_.files[id];
    if (pending.parsed) {
      for (const auto& stmt : pending.parsed->statements) statement(stmt, report);
      for (auto& error : pending.parsed->syntax_errors) syntax_error(std::move(error));
      for (const auto& comment : pending.parsed->file_comments) suppressions_.add_file_comment(comment);
    } else {
      const ParseSink sink{
          [&](Statement&& stmt) { statement(stmt, report); },
          [&](SyntaxError&& error) { syntax_error(std::move(error)); },
          [&](Comment&& comment) { suppressions_.add_file_comment(comment); },
      };
      parse_streaming(*pending.source, request_.parse, sink);
    }
    const FileContext ctx{migration_, settings_.lint, session_, summaries_};
    for (const Rule* rule : rules_) {
      if (!rule->check_file) continue;
      Emitter emitter(rule->meta, migration_.file, result_.diagnostics, texts_);
      rule->check_file(ctx, emitter);
    }
    std::optional<RevertOutcome> outcome;
    if (revert) outcome = revert->finish(catalog_);
    if (outcome && outcome->file == id) check_down(*outcome);  // a down section: findings in this file
    suppressions_.finish(id, first_diagnostic, result_.diagnostics, result_.suppressed, policy_);
    describe_findings(first_diagnostic, first_suppressed, std::move(tree_fingerprints_), std::move(fingerprint_trees_));
    // The report keeps a file's text only for its findings, reported or suppressed: the outputs read
    // it nowhere else, and the files without any are most of a history's text (the corpus: 9.2 of
    // its 11.6 MB), held to the end of the run.
    if (result_.diagnostics.size() == first_diagnostic && result_.suppressed.size() == first_suppressed)
      report.source.reset();
    if (outcome && outcome->file != id) down_file_findings(*outcome, *pending.down->parsed);
  }

 private:
  void note_uncompiled_body(const Statement& host) {
    if (uncompiled_bodies_++ == 0) {
      first_uncompiled_path_ = result_.files[migration_.file].path;
      first_uncompiled_line_ = migration_.source->line_of(host.range.begin);
    }
    if (last_file_with_uncompiled_ != migration_.file) {
      ++files_with_uncompiled_;
      last_file_with_uncompiled_ = migration_.file;
    }
  }

  // The rules and settings of the next file. A history file runs no rules: it only replays.
  void configure(const PendingFile& pending) {
    settings_ = pending.settings;
    const bool run_rules = request_.run_rules && !pending.input.history;
    const RuleSelection& rules = settings_.rules;
    rules_.clear();
    for (const Rule* rule : all_rules())
      if ((rule->check || rule->check_file || rule->check_down) && run_rules && rules.enabled(rule->meta.id))
        rules_.push_back(rule);
    report_syntax_errors_ = !pending.input.history && rules.enabled(syntax_error_rule().meta.id);
    // Without the rules (zdlint locks) directives are still honoured but never judged.
    policy_.report_invalid = run_rules && rules.enabled(invalid_ignore_rule().meta.id);
    policy_.report_unused = run_rules && rules.enabled(unused_ignore_rule().meta.id);
    policy_.rule_ran = [this](std::string_view id) {
      if (id == syntax_error_rule().meta.id) return report_syntax_errors_;
      if (id == invalid_ignore_rule().meta.id) return policy_.report_invalid;
      return std::any_of(rules_.begin(), rules_.end(), [&](const Rule* r) { return r->meta.id == id; });
    };
  }

  // How the file runs: its runner (configured, or recognised from the layout), whether the runner's
  // transaction or PostgreSQL's implicit one for a multi-statement string wraps it, and where its
  // down part starts.
  void begin_session(const PendingFile& pending) {
    const LintSettings& lint = settings_.lint;
    const std::string& path = pending.input.from_stdin ? pending.input.display_path : pending.input.path;
    const std::string_view text = pending.source->text();
    const RunnerProfile* runner = pending.runner;
    plan_ = plan_file(runner, path, text);
    if (runner) result_.files[migration_.file].runner = runner->name;
    top_level_seen_ = 0;
    pipeline_implicit_ = false;
    if (!runner || lint.assume_in_transaction_explicit) {
      session_.begin_file(lint.assume_in_transaction);
      return;
    }
    // Statements of the up part; a file parsed while it is replayed (too large to hold) counts as many.
    size_t statements = 2;
    bool refuses_transaction = false;
    if (pending.parsed) {
      statements = 0;
      for (const auto& stmt : pending.parsed->statements) {
        if (stmt.origin != StatementOrigin::TopLevel || !in_up_part(stmt.range)) continue;
        ++statements;
        if (plan_.runner_transaction && runner->unwraps_non_transactional_files && !refuses_transaction)
          refuses_transaction = refuses_transaction_block(stmt);
      }
    }
    // Flyway leaves a file that holds a statement refusing a transaction block outside its transaction.
    if (refuses_transaction) plan_.runner_transaction = false;
    const bool implicit = !plan_.runner_transaction && statements > 1;
    if (implicit && plan_.send == SendMode::Pipeline) pipeline_implicit_ = true;
    session_.begin_file(plan_.runner_transaction || (implicit && plan_.send == SendMode::OneString),
                        !plan_.runner_transaction);
  }

  // Whether PostgreSQL refuses to run the statement inside a transaction block (CREATE INDEX
  // CONCURRENTLY, VACUUM, …), as the lock model knows it from the statement alone.
  bool refuses_transaction_block(const Statement& stmt) const {
    const Session outside;
    return lock_model({stmt, catalog_, outside, migration_.file, settings_.lint.pg_version}).refuses_transaction;
  }

  // A Supabase pipeline (one Sync) is one implicit transaction from its first statement on: the
  // first one's locks are held until the Sync too. Only a first statement that refuses a
  // transaction block runs and commits on its own (why CREATE INDEX CONCURRENTLY works first only);
  // the implicit transaction then starts with the second.
  void enter_pipeline_transaction(const Statement& stmt) {
    ++top_level_seen_;
    if (top_level_seen_ == 1 && !refuses_transaction_block(stmt)) session_.begin_implicit_transaction();
    if (top_level_seen_ == 2) session_.begin_implicit_transaction();  // no-op when already in it
  }

  [[nodiscard]] bool in_up_part(ByteRange range) const { return !plan_.in_down_part(range.begin); }

  [[nodiscard]] std::vector<const Statement*> up_statements(const ParsedFile& parsed) const {
    std::vector<const Statement*> up;
    for (const auto& stmt : parsed.statements)
      if (in_up_part(stmt.range)) up.push_back(&stmt);
    return up;
  }

  // The file's down migration, when down-does-not-revert-up compares it with the up: its down
  // section, or the down file next to it (which gets a FileId of its own, after the up's).
  std::optional<DownMigration> down_migration(const PendingFile& pending) {
    const bool compare = std::any_of(rules_.begin(), rules_.end(), [](const Rule* r) { return r->check_down; });
    if (!compare || !pending.parsed) return std::nullopt;  // a streamed file is too large to hold twice
    if (plan_.rollback_lines) return liquibase_down();
    DownMigration down;
    if (!plan_.down_parts.empty()) {
      down.file = migration_.file;
      down.source = migration_.source;
      const std::string_view text = migration_.source->text();
      const uint32_t marker = plan_.down_parts.front().begin;
      const size_t line_end = std::min(text.find_first_of("\r\n", marker), text.size());
      down.start = {marker, static_cast<uint32_t>(line_end)};
      for (const auto& stmt : pending.parsed->statements)
        if (!in_up_part(stmt.range)) down.statements.push_back(&stmt);
      for (const auto& error : pending.parsed->syntax_errors)
        if (!in_up_part(error.range)) down.syntax_errors.push_back(&error);
      return down;
    }
    if (!pending.down || !pending.down->parsed) return std::nullopt;
    const PairedDown& paired = *pending.down;
    down.file = static_cast<FileId>(result_.files.size());
    down.source = paired.source.get();
    FileReport report{.path = paired.display_path,
                      .source = paired.source,
                      .empty = paired.source->text().empty(),
                      .runner = result_.files[migration_.file].runner,
                      .down = true};
    result_.files.push_back(std::move(report));
    for (const auto& stmt : paired.parsed->statements) down.statements.push_back(&stmt);
    for (const auto& error : paired.parsed->syntax_errors) down.syntax_errors.push_back(&error);
    return down;
  }

  // Liquibase: the `--rollback` lines of every changeset, the last changeset's first, as rolling the
  // whole file back runs them. Parsed from a copy of the file where only their SQL is left, so their
  // positions are the file's.
  DownMigration liquibase_down() {
    const LiquibaseRollback rollback = liquibase_rollback(migration_.source->text());
    liquibase_down_ =
        parse_file(std::make_shared<const SourceFile>(migration_.source->path(), rollback.sql), request_.parse);
    DownMigration down;
    down.file = migration_.file;
    down.source = migration_.source;
    const auto changeset_of = [&](uint32_t offset) {
      return std::upper_bound(rollback.changesets.begin(), rollback.changesets.end(), offset) -
             rollback.changesets.begin();
    };
    std::vector<const Statement*> statements;
    for (const auto& stmt : liquibase_down_->statements) statements.push_back(&stmt);
    std::stable_sort(statements.begin(), statements.end(), [&](const Statement* a, const Statement* b) {
      return changeset_of(a->range.begin) > changeset_of(b->range.begin);
    });
    down.statements = std::move(statements);
    for (const auto& error : liquibase_down_->syntax_errors) down.syntax_errors.push_back(&error);
    return down;
  }

  void check_down(const RevertOutcome& outcome) {
    const DownContext ctx{migration_, outcome};
    for (const Rule* rule : rules_) {
      if (!rule->check_down) continue;
      Emitter emitter(rule->meta, outcome.file, result_.diagnostics, texts_);
      rule->check_down(ctx, emitter);
    }
  }

  // A down file's findings: its own suppression directives (judged only for the rollback rules),
  // configured severities and fingerprints.
  void down_file_findings(const RevertOutcome& outcome, const ParsedFile& parsed) {
    const size_t first_diagnostic = result_.diagnostics.size();
    const size_t first_suppressed = result_.suppressed.size();
    check_down(outcome);
    FileSuppressions suppressions;
    std::vector<ByteRange> statements;
    for (const auto& stmt : parsed.statements) {
      if (stmt.origin != StatementOrigin::TopLevel) continue;
      suppressions.add_statement(stmt, outcome.source->text());
      statements.push_back(stmt.range);
    }
    for (const auto& comment : parsed.file_comments) suppressions.add_file_comment(comment);
    SuppressionPolicy policy = policy_;
    policy.rule_ran = [this](std::string_view id) {
      return std::any_of(rules_.begin(), rules_.end(),
                         [&](const Rule* r) { return r->check_down && r->meta.id == id; });
    };
    suppressions.finish(outcome.file, first_diagnostic, result_.diagnostics, result_.suppressed, policy);
    for (size_t i = first_diagnostic; i < result_.diagnostics.size(); ++i) configured_severity(result_.diagnostics[i]);
    for (size_t i = first_suppressed; i < result_.suppressed.size(); ++i) configured_severity(result_.suppressed[i]);
    if (first_diagnostic == result_.diagnostics.size() && first_suppressed == result_.suppressed.size()) {
      // Nothing to say about it: the down file stays out of the report, as before it was read.
      if (outcome.file + 1 == result_.files.size()) result_.files.pop_back();
      return;
    }
    add_fingerprint_job(outcome.file, first_diagnostic, first_suppressed, std::move(statements));
  }

  void add_fingerprint_job(FileId file, size_t first_diagnostic, size_t first_suppressed,
                           std::vector<ByteRange> statements, StatementFingerprints known = {},
                           StatementTrees trees = {}) {
    if (!request_.fingerprints) return;
    FingerprintJob& job = fingerprint_jobs_.emplace_back(FingerprintJob{first_diagnostic,
                                                                        result_.diagnostics.size(),
                                                                        first_suppressed,
                                                                        result_.suppressed.size(),
                                                                        std::move(statements),
                                                                        result_.files[file].source,
                                                                        {},
                                                                        std::move(known),
                                                                        std::move(trees)});
    for (size_t k = job.first_diagnostic; k < job.end_diagnostic; ++k)
      job.finding_starts.push_back(result_.diagnostics[k].range.begin);
    for (size_t k = job.first_suppressed; k < job.end_suppressed; ++k)
      job.finding_starts.push_back(result_.suppressed[k].range.begin);
    new_fingerprint_jobs_.push_back(&job);
  }

  void configured_severity(Diagnostic& d) const {
    if (const auto it = settings_.severity.find(d.rule.str()); it != settings_.severity.end()) d.severity = it->second;
  }

  void statement(const Statement& stmt, FileReport& report) {
    // The down part of a two-direction file is not executed by the up migration: it is left out of
    // the replay and of the findings (its directives may suppress the rollback rules' findings).
    if (!in_up_part(stmt.range)) {
      if (stmt.origin == StatementOrigin::TopLevel) suppressions_.add_statement(stmt, migration_.source->text());
      return;
    }
    if (stmt.origin == StatementOrigin::TopLevel && pipeline_implicit_) enter_pipeline_transaction(stmt);
    if (stmt.body_not_compiled && !report.history) note_uncompiled_body(stmt);
    const StatementEffects effects =
        lock_model({stmt, catalog_, session_, migration_.file, settings_.lint.pg_version});
    if (stmt.origin == StatementOrigin::TopLevel) {
      ++report.statements;
      // Embedded PL/pgSQL statements lie inside their host's range: the host's directives cover them.
      suppressions_.add_statement(stmt, migration_.source->text());
      summaries_.push_back({stmt.range, stmt.kind(), effects.concurrently, effects.refuses_transaction,
                            session_.in_transaction(), effects.strongest_on_pre_existing()});
      if (shares_range_with_previous()) {
        tree_fingerprints_.erase(summaries_.size() - 2);
        fingerprint_trees_.erase(summaries_.size() - 2);
      }
      if (request_.describe_locks) statement_locks_.add_statement(effects);
    }
    if (request_.on_effects && !report.history)
      request_.on_effects(migration_.file, *migration_.source, stmt, session_, effects);
    const StatementContext ctx{stmt, catalog_, migration_, settings_.lint, session_, effects};
    const size_t findings_before = result_.diagnostics.size();
    for (const Rule* rule : rules_) {
      if (!rule->check) continue;
      Emitter emitter(rule->meta, migration_.file, result_.diagnostics, texts_);
      rule->check(ctx, emitter);
    }
    if (request_.fingerprints && stmt.origin == StatementOrigin::TopLevel &&
        result_.diagnostics.size() > findings_before)
      fingerprint_from_tree(stmt);
    catalog_.apply(stmt, Origin{migration_.file, session_.transaction_id()});
    session_.apply(stmt, effects);
  }

  void syntax_error(SyntaxError&& error) {
    if (!report_syntax_errors_ || !in_up_part(error.range)) return;
    Diagnostic& d = result_.diagnostics.emplace_back();
    d.rule = RuleId(syntax_error_rule().meta.id);
    d.severity = syntax_error_rule().meta.severity;
    d.file = migration_.file;
    d.range = error.range;
    d.message = texts_.intern(std::move(error.message));
    if (!error.help.empty())
      d.help = texts_.intern(std::move(error.help));
    else if (error.gave_up)
      d.help =
          texts_.intern("fix the errors above first; a file in another SQL dialect or a data dump is better excluded");
    else
      d.help = texts_.intern("PostgreSQL 15's grammar rejects this statement; zdlint analysed the rest of the file");
  }

  // The file's findings, reported and suppressed: configured severity, fingerprint, and what the
  // statement each one is about locks.
  void describe_findings(size_t first_diagnostic, size_t first_suppressed, StatementFingerprints known,
                         StatementTrees trees) {
    std::vector<Diagnostic*> findings;
    for (size_t i = first_diagnostic; i < result_.diagnostics.size(); ++i) findings.push_back(&result_.diagnostics[i]);
    for (size_t i = first_suppressed; i < result_.suppressed.size(); ++i) findings.push_back(&result_.suppressed[i]);
    if (findings.empty()) return;
    std::vector<ByteRange> statements;
    statements.reserve(summaries_.size());
    for (const auto& summary : summaries_) statements.push_back(summary.range);
    for (Diagnostic* d : findings) {
      configured_severity(*d);
      const auto after = std::upper_bound(statements.begin(), statements.end(), d->range.begin,
                                          [](uint32_t offset, const ByteRange& r) { return offset < r.begin; });
      if (request_.describe_locks && after != statements.begin() && d->range.begin < std::prev(after)->end)
        d->locks = statement_locks_.of(static_cast<size_t>(std::prev(after) - statements.begin()));
    }
    add_fingerprint_job(migration_.file, first_diagnostic, first_suppressed, std::move(statements), std::move(known),
                        std::move(trees));
  }

  // The fingerprint of the top-level statement just replayed (summaries_.back()), taken from its
  // tree when its text is what was parsed; otherwise pg_query_fingerprint parses the text later.
  // The tree is hashed later on a worker (precompute_fingerprints) when it outlives the replay;
  // a streamed file's is freed with its statement, and is hashed now.
  void fingerprint_from_tree(const Statement& stmt) {
    if (!stmt.node || shares_range_with_previous()) return;
    const std::string_view text = migration_.source->text().substr(stmt.range.begin, stmt.range.size());
    // Templating placeholders and psql variables were parsed as stand-ins.
    if (migration_.source->sql().substr(stmt.range.begin, stmt.range.size()) != text) return;
    if (trees_outlive_replay_)
      fingerprint_trees_.emplace(summaries_.size() - 1, stmt.node);
    else if (std::optional<std::string> fingerprint = tree_fingerprint(*stmt.node))
      tree_fingerprints_.emplace(summaries_.size() - 1, std::move(*fingerprint));
  }

  // Several statements parsed from one slice share its range, whose text holds them all: their
  // fingerprint is of that whole text, left to pg_query_fingerprint.
  [[nodiscard]] bool shares_range_with_previous() const {
    const size_t count = summaries_.size();
    return count >= 2 && summaries_[count - 2].range == summaries_[count - 1].range;
  }

 public:
  // The fingerprint jobs of the files replayed since the last call. Each stays where it is (a
  // deque does not move its elements) while later files add theirs, so a worker can fill in its
  // statement fingerprints meanwhile.
  std::vector<FingerprintJob*> take_new_fingerprint_jobs() { return std::exchange(new_fingerprint_jobs_, {}); }

  // One note for the run (as for templating): the DO blocks and functions whose bodies PL/pgSQL
  // could not compile, so that the statements in them were not checked.
  [[nodiscard]] std::optional<InputProblem> uncompiled_bodies_problem() const {
    if (uncompiled_bodies_ == 0) return std::nullopt;
    return InputProblem{
        first_uncompiled_path_,
        fmt::format("the bod{} of {} DO block{} or function{} in {} file{} could not be compiled as PL/pgSQL, so "
                    "the statements in {} were not checked (line {} here is the first). The server refuses a "
                    "body that does not compile; libpg_query's PL/pgSQL, which zdlint uses, also fails on a few "
                    "that the server takes",
                    uncompiled_bodies_ == 1 ? "y" : "ies", uncompiled_bodies_, uncompiled_bodies_ == 1 ? "" : "s",
                    uncompiled_bodies_ == 1 ? "" : "s", files_with_uncompiled_, files_with_uncompiled_ == 1 ? "" : "s",
                    uncompiled_bodies_ == 1 ? "it" : "them", first_uncompiled_line_),
        false};
  }

  // What fingerprinting has left after the replay and the workers (FingerprintJob) runs on every
  // core. The results do not depend on the order.
  void assign_fingerprints_in_parallel(unsigned jobs) {
    parallel_for(fingerprint_jobs_.size(), jobs, [&](size_t i) {
      FingerprintJob& job = fingerprint_jobs_[i];
      std::vector<Diagnostic*> findings;
      for (size_t k = job.first_diagnostic; k < job.end_diagnostic; ++k) findings.push_back(&result_.diagnostics[k]);
      for (size_t k = job.first_suppressed; k < job.end_suppressed; ++k) findings.push_back(&result_.suppressed[k]);
      assign_fingerprints(job.source->text(), job.statements, findings, std::move(job.fingerprints));
    });
    fingerprint_jobs_.clear();
  }

 private:
  const LintRequest& request_;
  LintResult& result_;
  size_t uncompiled_bodies_ = 0, files_with_uncompiled_ = 0;
  std::string first_uncompiled_path_;
  uint32_t first_uncompiled_line_ = 0;
  std::optional<FileId> last_file_with_uncompiled_;
  TextPool texts_;  // the findings' messages and help, one copy of each text
  FileSettings settings_;
  std::vector<const Rule*> rules_;
  bool report_syntax_errors_ = true;
  Catalog catalog_;
  Session session_;
  MigrationInfo migration_;
  std::vector<StatementSummary> summaries_;
  StatementFingerprints tree_fingerprints_;  // by index in summaries_: of statements with findings
  StatementTrees fingerprint_trees_;         // likewise, to hash on a worker
  bool trees_outlive_replay_ = false;        // the file's trees live until the worker's release
  LocksByStatement statement_locks_;  // parallel to summaries_
  FileSuppressions suppressions_;
  SuppressionPolicy policy_;
  std::deque<FingerprintJob> fingerprint_jobs_;
  std::vector<FingerprintJob*> new_fingerprint_jobs_;
  FilePlan plan_;
  std::optional<ParsedFile> liquibase_down_;  // the current file's rollback lines, parsed
  size_t top_level_seen_ = 0;
  bool pipeline_implicit_ = false;
};

// Findings by file, then position, then rule; equal ones keep the order they were found in. The
// order is worked out on indices and then applied by moving each finding once, so that sorting needs
// no second copy of a large run's findings (a merge sort's buffer holds half of them).
void sort_by_position(std::vector<Diagnostic>& diagnostics) {
  const auto by_position = [](const Diagnostic& a, const Diagnostic& b) {
    if (a.file != b.file) return a.file < b.file;
    if (a.range.begin != b.range.begin) return a.range.begin < b.range.begin;
    return a.rule < b.rule;
  };
  if (std::is_sorted(diagnostics.begin(), diagnostics.end(), by_position)) return;
  std::vector<size_t> order(diagnostics.size());  // order[i]: the finding that goes to position i
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return by_position(diagnostics[a], diagnostics[b]); });
  for (size_t start = 0; start < order.size(); ++start) {  // each cycle of the permutation in turn
    if (order[start] == start) continue;
    Diagnostic moving = std::move(diagnostics[start]);
    size_t at = start;
    while (order[at] != start) {
      const size_t from = order[at];
      diagnostics[at] = std::move(diagnostics[from]);
      order[at] = at;
      at = from;
    }
    diagnostics[at] = std::move(moving);
    order[at] = at;
  }
}

}  // namespace

bool LintResult::has_input_errors() const {
  return std::any_of(problems.begin(), problems.end(), [](const InputProblem& p) { return p.is_error; });
}

uint32_t LintResult::statements() const {
  uint32_t n = 0;
  for (const auto& f : files)
    if (!f.history) n += f.statements;
  return n;
}

size_t LintResult::checked_files() const {
  return static_cast<size_t>(
      std::count_if(files.begin(), files.end(), [](const FileReport& f) { return !f.history && !f.infrastructure && !f.down; }));
}

LintPlan plan_lint(const LintRequest& request) {
  LintPlan plan;
  std::vector<InfrastructureFile> named_infrastructure;
  plan.files = collect_inputs(request, plan.problems, named_infrastructure, *plan.listings);
  // With --changed-since git says which infrastructure files changed; without it the ones named are.
  plan.infrastructure = request.changed_files ? request.changed_infrastructure : std::move(named_infrastructure);
  if (request.with_history)
    plan.files =
        with_history(std::move(plan.files), request.settings.runner, plan.problems, *plan.listings, request.jobs);
  if (request.changed_files) {
    size_t end = 0;  // one past the last changed file: nothing after it needs replaying
    for (size_t i = 0; i < plan.files.size(); ++i) {
      PlannedFile& file = plan.files[i];
      file.history = !file.from_stdin && !request.changed_files->contains(canonical_key(file.path));
      if (!file.history) end = i + 1;
    }
    plan.files.resize(end);
  }
  return plan;
}

LintResult run_lint(const LintRequest& request) { return run_lint(request, plan_lint(request)); }

LintResult run_lint(const LintRequest& request, LintPlan plan) {
  LintResult result;
  result.problems = std::move(plan.problems);
  const FileSettings defaults{request.settings, request.rules, {}, false};
  std::vector<PendingFile> pending;
  pending.reserve(plan.files.size());
  for (auto& input : plan.files) {
    // Down migrations found in a directory are not part of the history the up direction builds, nor
    // are popx files for another database; one named explicitly is linted as asked.
    if (!input.named && !input.from_stdin && (is_down_file(input.path) || is_other_dialect_file(input.path)))
      continue;
    FileSettings settings = request.settings_for ? request.settings_for(input.display_path) : defaults;
    if (!settings.excluded) pending.push_back({std::move(input), std::move(settings), {}, {}, {}});
  }

  // Files are read and parsed on worker threads a bounded distance ahead of the replay, which takes
  // them in order on this thread. Only readable files take part in the replay; FileIds index
  // result.files.
  const auto replay = std::make_shared<Replay>(request, result);
  const auto detector = std::make_shared<RunnerDetector>(plan.listings);  // shared by the workers
  size_t templated_files = 0, placeholders = 0;
  std::string first_templated;
  size_t psql_files = 0;
  PsqlMasking psql_masked;
  std::string first_psql;
  ordered_pipeline(
      pending.size(), request.jobs, kParsedAhead,
      [&](size_t i) {
        read_and_parse(pending[i], request, *detector);
        return bytes_held(pending[i]);
      },
      [&](size_t i) {
        PendingFile& file = pending[i];
        if (file.problem) {
          result.problems.push_back(std::move(*file.problem));
          return;
        }
        const auto id = static_cast<FileId>(result.files.size());
        const bool empty = file.source->text().empty();
        result.files.push_back({file.input.display_path, file.source, 0, empty, file.input.history});
        if (empty && !file.input.history)
          result.problems.push_back({file.input.display_path, "is empty; nothing to lint", false});
        if (file.source->masked_placeholders() && !file.input.history) {
          if (templated_files++ == 0) first_templated = file.input.display_path;
          placeholders += file.source->masked_placeholders();
        }
        if (const PsqlMasking& masked = file.source->masked_psql(); masked.total() && !file.input.history) {
          if (psql_files++ == 0) first_psql = file.input.display_path;
          psql_masked.meta_commands += masked.meta_commands;
          psql_masked.copy_blocks += masked.copy_blocks;
          psql_masked.variables += masked.variables;
        }
        replay->file(id, file);
        file.fingerprint_jobs = replay->take_new_fingerprint_jobs();
        // Discovery may have reported the same file already (a link out of a linted directory).
        if (file.down && file.down->problem &&
            std::none_of(result.problems.begin(), result.problems.end(),
                         [&](const InputProblem& p) { return p.path == file.down->problem->path; }))
          result.problems.push_back(std::move(*file.down->problem));
      },
      [&](size_t i) {  // on a worker, once file i is replayed
        for (FingerprintJob* job : pending[i].fingerprint_jobs) precompute_fingerprints(*job);
        pending[i].parsed.reset();  // the trees are no longer needed
        pending[i].down.reset();    // its source lives on in the report, if it has findings
        pending[i].source.reset();  // likewise
      });
  // Every file's state is in the result now: its slot is freed before the findings are sorted.
  pending = std::vector<PendingFile>();
  replay->assign_fingerprints_in_parallel(request.jobs);
  if (auto uncompiled = replay->uncompiled_bodies_problem()) result.problems.push_back(std::move(*uncompiled));
  check_change_set(request, plan.infrastructure, result);
  if (templated_files)  // one note for the run, not one per file
    result.problems.push_back(
        {first_templated,
         fmt::format("templating placeholders ({{{{ … }}}}, ${{…}}) were read as stand-in names so that the SQL "
                     "around them could be analysed: {} in {} file{}, the first one here",
                     placeholders, templated_files, templated_files == 1 ? "" : "s"),
         false});
  if (psql_files) {  // one note for the run, as for templating
    std::vector<std::string> parts;
    const auto count = [&](size_t n, std::string_view what) {
      if (n) parts.push_back(fmt::format("{} {}{}", n, what, n == 1 ? "" : "s"));
    };
    count(psql_masked.meta_commands, "meta-command");
    count(psql_masked.copy_blocks, "COPY … FROM stdin data block");
    count(psql_masked.variables, "variable");
    result.problems.push_back(
        {first_psql,
         fmt::format("what psql reads itself (\\set, \\i, :variables, COPY … FROM stdin data) was skipped so "
                     "that the SQL around it could be analysed: {} in {} file{}, the first one here",
                     fmt::join(parts, ", "), psql_files, psql_files == 1 ? "" : "s"),
         false});
  }
  sort_by_position(result.diagnostics);
  sort_by_position(result.suppressed);
  result.listings = std::move(plan.listings);
  result.retired = {replay, detector};
  return result;
}

}  // namespace zdlint
