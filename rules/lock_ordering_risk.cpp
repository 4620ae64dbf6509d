// lock-ordering-risk: one transaction takes write-blocking locks (ShareLock or stronger) on two or
// more relations that already exist, in separate statements. An application transaction that
// writes them in the other order can deadlock with the migration: each waits for a lock the other
// holds, and PostgreSQL aborts one of them after deadlock_timeout.
//
// Reported once per transaction, at the statement that locks the second relation.
#include <fmt/format.h>

#include <set>

#include "rules/messages.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

bool blocks_writes(const LockEffect& effect) {
  return effect.pre_existing() && effect.kind != RelationKind::Index && blocked_by(effect.lock).writes;
}

bool same(ByteRange a, ByteRange b) { return a.begin == b.begin && a.end == b.end; }

// The relations earlier statements of the open transaction locked against writes, folded in
// incrementally: the engine runs the rule once per statement in replay order, and held_locks()
// only grows within a transaction, so re-reading it for every statement would be quadratic.
struct Locked {
  const Session* session = nullptr;
  uint32_t transaction = 0;
  size_t seen = 0;                    // held_locks() entries folded in
  std::vector<HeldLock> first;        // in the order they were locked, one per relation
  std::set<QualifiedName> relations;  // the same, for lookups
  bool reported_before = false;       // a second relation was already added by an earlier statement

  void update(const Session& s) {
    const auto& held = s.held_locks();
    if (&s != session || s.transaction_id() != transaction || held.empty() || held.size() < seen) {
      *this = Locked{};
      session = &s;
      transaction = s.transaction_id();
    }
    for (size_t i = seen; i < held.size();) {
      size_t end = i;
      while (end < held.size() && same(held[end].statement, held[i].statement)) ++end;
      const bool had_some = !first.empty();
      for (size_t k = i; k < end; ++k)
        if (blocks_writes(held[k].effect) && relations.insert(held[k].effect.relation).second) {
          if (had_some) reported_before = true;
          first.push_back(held[k]);
        }
      i = end;
    }
    seen = held.size();
  }
};

void check(const StatementContext& ctx, Emitter& out) {
  thread_local Locked locked;
  locked.update(ctx.session);
  if (ctx.stmt.origin == StatementOrigin::FunctionBody || !ctx.session.in_transaction()) return;
  if (locked.first.empty() || locked.reported_before) return;

  std::vector<const LockEffect*> added;
  for (const auto& effect : ctx.effects.effects)
    if (blocks_writes(effect) && !locked.relations.contains(effect.relation)) added.push_back(&effect);
  if (added.empty()) return;

  std::string taking, holding;
  for (const LockEffect* effect : added) taking += (taking.empty() ? "" : "; ") + lock_phrase(*effect);
  for (const HeldLock& lock : locked.first) holding += (holding.empty() ? "" : "; ") + lock_phrase(lock.effect);
  const HeldLock& earliest = locked.first.front();
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
