// lock-ordering-risk: one transaction takes write-blocking locks (ShareLock or stronger) on two or
// more relations that already exist, in separate statements. An application transaction that
// writes them in the other order can deadlock with the migration: each waits for a lock the other
// holds, and PostgreSQL aborts one of them after deadlock_timeout.
//
// Reported once per transaction, at the statement that locks the second relation.
#include <fmt/format.h>

#include "rules/messages.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

bool blocks_writes(const LockEffect& effect) {
  return effect.pre_existing() && effect.kind != RelationKind::Index && blocked_by(effect.lock).writes;
}

void check(const StatementContext& ctx, Emitter& out) {
  const Session& session = ctx.session;
  if (ctx.stmt.origin == StatementOrigin::FunctionBody || !session.in_transaction()) return;
  // Once per transaction: when a second statement adds a write lock to those already held.
  if (session.write_locked().empty() || session.write_locks_accumulated()) return;

  std::vector<const LockEffect*> added;
  for (const auto& effect : ctx.effects.effects)
    if (blocks_writes(effect) && !blocked_by(session.held_mode(effect.relation)).writes) added.push_back(&effect);
  if (added.empty()) return;

  std::vector<const HeldLock*> holding_locks;
  for (const HeldLock& held : session.held_locks())
    if (blocks_writes(held.effect)) holding_locks.push_back(&held);
  // The locks held may have been replaced since by stronger ones on relations this transaction
  // created (LOCK t, then a CREATE TABLE t of the same name): then none is older.
  if (holding_locks.empty()) return;
  std::string taking, holding;
  for (const LockEffect* effect : added) taking += (taking.empty() ? "" : "; ") + lock_phrase(*effect);
  for (const HeldLock* lock : holding_locks) holding += (holding.empty() ? "" : "; ") + lock_phrase(lock->effect);
  const HeldLock& earliest = *holding_locks.front();
  const uint32_t line = ctx.migration.source ? ctx.migration.source->line_of(earliest.statement.begin) : 0;
  Diagnostic& d = out.emit(
      ctx.stmt.range,
      fmt::format("this statement takes {}, while the transaction still holds {}, taken on line {}. An application "
                  "transaction that writes {} and then {} deadlocks with the migration: each waits for a lock the "
                  "other holds, and PostgreSQL aborts one of them after deadlock_timeout (1s by default)",
                  taking, holding, line, added.front()->relation.str(), earliest.effect.relation.str()),
      "change one existing table per transaction (COMMIT between them); if the changes must be atomic, take "
      "every lock up front with one LOCK TABLE, in the order the application writes the tables, after SET "
      "lock_timeout");
  d.notes.push_back({fmt::format("{} is locked here", earliest.effect.relation.str()), earliest.statement});
}

}  // namespace

const Rule& lock_ordering_risk_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "lock-ordering-risk",
              .category = "lock",
              .severity = Severity::Warning,
              .summary = "One transaction locks two or more existing tables against writes: deadlock risk",
              .rationale = "Each write-blocking lock is held until COMMIT. An application transaction that writes "
                           "the same tables in the other order waits for the migration while the migration waits "
                           "for it; PostgreSQL detects the deadlock and aborts one of them.",
              .alternative = "One existing table per transaction, or every lock taken up front with one LOCK TABLE "
                             "in the application's order.",
              .equivalents = {.pgfence = "wide-lock-window"},
          },
      .check = check,
  };
  return rule;
}

}  // namespace zdlint
