// unbatched-backfill: UPDATE or DELETE of every row of a table that existed before this migration,
// or INSERT … SELECT of every row of one. One statement is one transaction: it row-locks every row
// it changes until it commits, writes WAL in proportion to the table in one burst, and the
// replication lag that follows holds up a blue/green switchover or a replica failover.
#include <fmt/format.h>

#include "analyzer/data_change.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

constexpr std::string_view kConsequence =
    "one statement is one transaction, so it holds a row lock on every row it changes until it commits "
    "(concurrent writers of those rows wait), writes a burst of WAL in proportion to the table, and the "
    "replication lag that follows delays a blue/green switchover or a replica failover";

void check(const StatementContext& ctx, Emitter& out) {
  if (ctx.stmt.origin == StatementOrigin::FunctionBody) return;
  const auto change = data_change_of(ctx.stmt);
  if (!change || bounds_rows(change->where)) return;
  const char* why = change->where ? "its WHERE clause is always true" : "no WHERE clause";
  std::string message;
  if (change->kind == DataChangeKind::Insert) {
    if (!change->from_select || change->limited) return;
    std::string read;
    for (const auto& source : change->sources)
      if (!ctx.is_new_table(source)) read += (read.empty() ? "" : ", ") + source.str();
    if (read.empty()) return;  // reads only tables created by this migration: small
    message = fmt::format("INSERT … SELECT copies every row of {} into {} in one statement ({}): {}", read,
                          change->target.str(), why, kConsequence);
  } else {
    if (ctx.is_new_table(change->target)) return;  // created by this migration: empty or small
    message = fmt::format("{} of every row of {} in one statement ({}): {}",
                          change->kind == DataChangeKind::Update ? "UPDATE" : "DELETE", change->target.str(), why,
                          kConsequence);
  }
  out.emit(ctx.stmt.range, std::move(message),
           "backfill in batches by key range (… WHERE id >= $1 AND id < $2), each committed on its own, from a job "
           "or a migration that runs outside a transaction, and let replicas catch up between batches");
}

}  // namespace

const Rule& unbatched_backfill_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "unbatched-backfill",
              .category = "transaction",
              .severity = Severity::Warning,
              .summary = "UPDATE, DELETE or INSERT … SELECT of every row of an existing table in one statement",
              .rationale = "A statement is one transaction. Over a whole table it keeps every changed row locked "
                           "until it commits, leaves as many dead tuples, and writes WAL in one burst; replicas and "
                           "a blue/green green environment fall behind, which holds up the switchover.",
              .alternative = "Backfill in batches by key range, each batch committed on its own, outside the "
                             "migration's transaction.",
              .equivalents = {},
          },
      .check = check,
  };
  return rule;
}

}  // namespace zdlint
