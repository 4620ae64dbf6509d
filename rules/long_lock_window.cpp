// long-lock-window: statements that run after the open transaction took an AccessExclusiveLock on a
// relation that already exists. The lock is held until COMMIT, so every later statement lengthens
// the time reads and writes of that relation are blocked; a data backfill above all.
//
// Reported once per transaction (at the first later statement that changes data, waits for a new
// lock or does work proportional to a table), and at every UPDATE or DELETE without WHERE under the
// lock, as an error: those keep the table blocked for as long as the whole table takes.
#include <fmt/format.h>

#include <algorithm>

#include "rules/messages.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

// Needs a lock the transaction does not hold yet (so it may wait), or works in proportion to a table.
bool lengthens(const LockEffect& effect, const Session& session) {
  if (effect.lock == LockMode::None) return false;
  return effect.rewrite || effect.scan || session.held_mode(effect.relation) < effect.lock;
}

void check(const StatementContext& ctx, Emitter& out) {
  const Session& session = ctx.session;
  if (ctx.stmt.origin == StatementOrigin::FunctionBody || !session.first_access_exclusive()) return;
  const ByteRange taken_at = *session.first_access_exclusive();

  const bool dml = is_dml(ctx.stmt.kind());
  bool significant = dml;
  for (const auto& effect : ctx.effects.effects) significant = significant || lengthens(effect, session);
  const bool backfill_scan = dml && ctx.effects.scans();
  // Once per transaction, and at every statement that rewrites a whole table's rows under the lock.
  if (!significant || (session.access_exclusive_window_extended() && !backfill_scan)) return;

  std::string relations;
  size_t strong = 0;
  for (const HeldLock& held : session.held_locks())
    if (held.effect.lock == LockMode::AccessExclusive && held.effect.pre_existing() &&
        held.effect.kind != RelationKind::Index) {
      relations += (relations.empty() ? "" : ", ") + relation_label(held.effect);
      ++strong;
    }
  const uint32_t line = ctx.migration.source ? ctx.migration.source->line_of(taken_at.begin) : 0;
  const std::string_view until = transaction_end_phrase(ctx.session);

  std::string what;
  if (backfill_scan)
    what = "this statement writes every row of a table (no WHERE clause) while the transaction holds";
  else if (dml)
    what = "this data change runs while the transaction holds";
  else
    what = "this statement runs while the transaction holds";
  Diagnostic& d = out.emit(
      ctx.stmt.range,
      fmt::format("{} AccessExclusiveLock on {}, taken on line {}: reads and writes of {} stay blocked until {}, "
                  "and every statement before that lengthens the outage{}",
                  what, relations, line, strong == 1 ? "it" : "them", until,
                  backfill_scan ? ", here by as long as the whole table takes to update" : ""),
      dml ? "commit right after the statement that takes the AccessExclusiveLock, and backfill in a later "
            "migration or job, in batches, each in its own short transaction"
          : "commit right after the statement that takes the AccessExclusiveLock, and run the following statements "
            "in a transaction (or migration) of their own");
  if (backfill_scan) d.severity = Severity::Error;
  d.notes.push_back({"the AccessExclusiveLock is taken here", taken_at});
}

}  // namespace

const Rule& long_lock_window_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "long-lock-window",
              .category = "lock",
              .severity = Severity::Warning,
              .summary = "More statements run while the transaction holds an AccessExclusiveLock on an existing "
                         "table",
              .rationale = "Locks are held until the transaction ends. After an AccessExclusiveLock, every further "
                           "statement of the transaction, and a data backfill above all, keeps reads and writes of "
                           "that table blocked for longer.",
              .alternative = "Commit right after the statement that takes the AccessExclusiveLock; run other DDL and "
                             "backfills in their own transactions, backfills in batches.",
              .equivalents = {.eugene = "E4", .pgfence = "statement-after-access-exclusive"},
          },
      .check = check,
  };
  return rule;
}

}  // namespace zdlint
