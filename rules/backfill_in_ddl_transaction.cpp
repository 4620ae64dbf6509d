// backfill-in-ddl-transaction: INSERT, UPDATE or DELETE of a table in the transaction that already
// took AccessExclusiveLock on it with DDL. Locks last until the transaction ends, so reads and writes
// of the table stay blocked for as long as the data change runs.
#include <fmt/format.h>

#include "analyzer/data_change.h"
#include "rules/messages.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

// The AccessExclusiveLock a DDL statement of the open transaction took on `table`, if it existed
// before this file (a table created in this migration blocks nobody).
const HeldLock* ddl_access_exclusive(const Session& session, const QualifiedName& table) {
  const HeldLock* held = session.held_lock(table);
  if (!held || held->dml || held->effect.lock != LockMode::AccessExclusive || !held->effect.pre_existing() ||
      held->effect.kind == RelationKind::Index)
    return nullptr;
  return held;
}

std::string_view verb(DataChangeKind kind) {
  switch (kind) {
    case DataChangeKind::Insert: return "INSERT into";
    case DataChangeKind::Update: return "UPDATE of";
    case DataChangeKind::Delete: return "DELETE from";
  }
  return "change of";
}

void check(const StatementContext& ctx, Emitter& out) {
  if (ctx.stmt.origin == StatementOrigin::FunctionBody || !ctx.session.in_transaction()) return;
  const auto change = data_change_of(ctx.stmt);
  if (!change) return;
  const HeldLock* held = ddl_access_exclusive(ctx.session, change->target);
  if (!held) return;
  const uint32_t line = ctx.migration.source->line_of(held->statement.begin);
  const std::string_view until = transaction_end_phrase(ctx.session);
  Diagnostic& d = out.emit(
      ctx.stmt.range,
      fmt::format("{} {} runs in the transaction that took AccessExclusiveLock on it with the DDL on line {}: "
                  "reads and writes of the table stay blocked until {}, for as long as this data change takes, "
                  "which grows with the table",
                  verb(change->kind), relation_label(held->effect), line, until),
      ctx.session.implicit()
          ? "the runner sends the file as one string (or pipeline), which PostgreSQL runs as one implicit transaction: "
            "keep the DDL alone in its migration and move the data change to a later one, run in batches that each "
            "commit on their own"
      : ctx.session.wrapped()
          ? "the runner wraps the whole file in one transaction: keep the DDL alone in its migration and move the "
            "data change to a later one, run in batches that each commit on their own"
          : "COMMIT right after the DDL, then change the data in separate transactions, in batches by key range");
  d.notes.push_back({"AccessExclusiveLock taken here", held->statement});
}

}  // namespace

const Rule& backfill_in_ddl_transaction_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "backfill-in-ddl-transaction",
              .category = "transaction",
              .severity = Severity::Warning,
              .summary = "INSERT, UPDATE or DELETE of a table in the transaction whose DDL holds AccessExclusiveLock "
                         "on it",
              .rationale = "A lock lasts until the transaction ends. After DDL takes AccessExclusiveLock on a table, "
                           "a data change of that table in the same transaction (an explicit BEGIN ... COMMIT, or a "
                           "runner that wraps the file) keeps every read and write of it blocked while it runs.",
              .alternative = "Commit the DDL first; change the data afterwards in its own transactions, in batches.",
              .equivalents = {.eugene = "E4"},
          },
      .check = check,
  };
  return rule;
}

}  // namespace zdlint
