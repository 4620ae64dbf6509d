#pragma once
// What a rule is: its metadata and a check that reads one statement in context and emits
// diagnostics. Rules never print, never touch files and never change the catalog.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/catalog.h"
#include "analyzer/diagnostic.h"
#include "analyzer/down_replay.h"
#include "analyzer/engine_upgrade.h"
#include "analyzer/lock_model.h"
#include "analyzer/rollback_directive.h"
#include "analyzer/runners.h"
#include "analyzer/session.h"
#include "parser/statement.h"
#include "rules/pre_existing_table_alter.h"

namespace zdlint {

// The same check in the tools users migrate from; empty when a tool has none.
struct Equivalents {
  std::string_view squawk;
  std::string_view eugene;
  std::string_view strong_migrations;
  std::string_view pgfence;
};

struct RuleMeta {
  std::string_view id;        // kebab-case, stable forever once released
  std::string_view category;  // syntax | lock | rewrite | compatibility | rollback | suppression
  Severity severity = Severity::Warning;
  std::string_view summary;      // one line
  std::string_view rationale;    // why it matters: locks, rewrites, what breaks
  std::string_view alternative;  // the safe way
  int min_pg_version = 0;        // 0: no lower bound
  int max_pg_version = 0;        // 0: no upper bound
  Equivalents equivalents;
  [[nodiscard]] std::string docs_path() const { return "docs/rules/" + std::string(id) + ".md"; }
};

struct LintSettings {
  int pg_version = 15;  // the production server's major version
  // The runner wraps each file in one transaction (flyway, most framework runners).
  bool assume_in_transaction = false;
  // Set in a config file or on the command line, not implied by the runner: it then wins over what
  // the runner's profile says about a file (its opt-out markup, its implicit transaction).
  bool assume_in_transaction_explicit = false;
  // The migration runner (`runner`, --runner); empty: recognised from each file's layout.
  std::string runner;
  // lock-timeout-too-long flags a lock_timeout above this (and 0, which disables it).
  int64_t max_lock_timeout_ms = 10'000;
};

struct MigrationInfo {
  FileId file = 0;
  const SourceFile* source = nullptr;
  const FilePlan* plan = nullptr;  // how the runner executes the file (runner, transaction, down part)
  // `-- zdlint-contract: NAME`: the file is the contract step of the expand done by migration NAME.
  std::optional<std::string> contract_of;
  // The file has a down migration: a down section, or a down file next to it (paired_down_file).
  bool has_down = false;
  // `-- zdlint-rollback: HOW`: the file documents its way back (HOW may be empty: itself a finding).
  std::optional<RollbackDirective> rollback;
};

struct StatementContext {
  const Statement& stmt;
  const Catalog& catalog;  // as the statements before this one left it
  const MigrationInfo& migration;
  const LintSettings& settings;
  const Session& session;             // transaction and settings before this statement
  const StatementEffects& effects;    // what the lock model predicts this statement does
  // alter_of_pre_existing_table's answer, worked out by the first rule that asks.
  mutable std::optional<std::optional<PreExistingTableAlter>> pre_existing_alter = {};

  // A table created earlier in this migration is new: empty, and no running code depends on it.
  [[nodiscard]] bool is_new_table(const QualifiedName& table) const {
    return catalog.table_created_in_file(table, migration.file);
  }
};

// One top-level statement of a file, kept for the checks that look at the whole file.
struct StatementSummary {
  ByteRange range;
  PgQuery__Node__NodeCase kind = PG_QUERY__NODE__NODE__NOT_SET;
  bool concurrently = false;
  bool refuses_transaction = false;
  bool in_transaction = false;  // an explicit or wrapping transaction was open when it ran
  LockMode strongest_on_pre_existing = LockMode::None;
};

struct FileContext {
  const MigrationInfo& migration;
  const LintSettings& settings;
  const Session& session;  // at the end of the file, before a wrapping transaction commits
  std::span<const StatementSummary> statements;
};

// One infrastructure file of the change set (the paths given, or the files changed since the
// --changed-since ref) that declares a PostgreSQL engine version, for the checks about the change
// set as a whole.
struct InfrastructureContext {
  const SourceFile& file;
  // With --changed-since, the declarations whose version differs from the ref's; for a file named on
  // the command line, every declaration, with no earlier version.
  std::span<const EngineVersionChange> changes;
  bool compared_with_ref = false;
  std::span<const std::string> migrations;  // the change set's migration files (display paths)
};

// A down migration, replayed after its up (see analyzer/down_replay.h).
struct DownContext {
  const MigrationInfo& up;
  const RevertOutcome& outcome;
};

class Emitter {
 public:
  // The run's `texts` hold one copy of each message and help text its findings give.
  Emitter(const RuleMeta& meta, FileId file, std::vector<Diagnostic>& out, TextPool& texts)
      : meta_(meta), file_(file), out_(out), texts_(texts) {}
  Diagnostic& emit(ByteRange range, std::string message, std::string help);

 private:
  const RuleMeta& meta_;
  FileId file_;
  std::vector<Diagnostic>& out_;
  TextPool& texts_;
};

struct Rule {
  RuleMeta meta;
  // Null for rules reported by another layer (syntax-error comes from the parser).
  void (*check)(const StatementContext&, Emitter&) = nullptr;
  // Optional: runs once at the end of each file, for checks about the file as a whole.
  void (*check_file)(const FileContext&, Emitter&) = nullptr;
  // Optional: runs once per infrastructure file of the change set, after the migrations.
  void (*check_infrastructure)(const InfrastructureContext&, Emitter&) = nullptr;
  // Optional: runs once for each down migration, after its up; the emitter reports in the down's
  // file (the up's own file for a down section).
  void (*check_down)(const DownContext&, Emitter&) = nullptr;
};

}  // namespace zdlint
