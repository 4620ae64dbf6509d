// missing-lock-timeout: a statement that needs ShareLock or stronger on a relation that already
// exists, with no lock_timeout in effect. Even a catalog-only change waits behind every open
// transaction on the table, and while it waits every query that conflicts with the requested lock
// queues behind it (locks.md key finding 10: 1.45 s of blocked traffic behind a one-row SELECT;
// with lock_timeout = 100ms the DDL gave up and nothing was blocked).
#include <fmt/format.h>

#include <algorithm>
#include <unordered_set>

#include "rules/messages.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

void check(const StatementContext& ctx, Emitter& out) {
  if (ctx.stmt.origin == StatementOrigin::FunctionBody) return;
  const auto& timeout = ctx.session.lock_timeout();
  if (timeout && timeout->milliseconds > 0) return;

  std::vector<const LockEffect*> waits;
  for (const auto& effect : ctx.effects.effects) {
    if (!effect.pre_existing() || effect.lock < LockMode::Share) continue;
    // DROP/REINDEX … CONCURRENTLY take their AccessExclusiveLock on an index only once no query can
    // still be using it: their waits hold ShareUpdateExclusiveLock, which blocks no traffic.
    if (ctx.effects.concurrently && effect.kind == RelationKind::Index) continue;
    if (ctx.session.held_mode(effect.relation) >= effect.lock) continue;  // an earlier statement waited already
    waits.push_back(&effect);
  }
  // An index's lock is named through its table when the table is in the list too.
  const auto is_index = [](const LockEffect* effect) { return effect->kind == RelationKind::Index; };
  if (std::any_of(waits.begin(), waits.end(), is_index)) {
    std::unordered_set<QualifiedName, QualifiedNameHash> waiting;  // a TRUNCATE … CASCADE may lock thousands
    for (const LockEffect* effect : waits) waiting.insert(effect->relation);
    std::erase_if(waits, [&](const LockEffect* effect) {
      if (!is_index(effect)) return false;
      const Index* index = ctx.catalog.find_index(effect->relation);
      return index && waiting.contains(index->table);
    });
  }
  if (waits.empty()) return;
  std::stable_sort(waits.begin(), waits.end(), [](const LockEffect* a, const LockEffect* b) { return a->lock > b->lock; });

  const std::string locks = join_lock_phrases(waits, lock_phrase);
  std::string setting = "no lock_timeout is set";
  if (timeout && ctx.migration.source)
    setting = fmt::format("lock_timeout is 0 (no limit; set on line {})", ctx.migration.source->line_of(timeout->set_at.begin));
  const Blocked queued = waits.front()->blocks();
  Diagnostic& d = out.emit(
      ctx.stmt.range,
      fmt::format("this statement requests {}. As {}, while the request waits for any open transaction on {} "
                  "(even an idle one that only read a row), all {} queue behind it, however quick the statement "
                  "itself is",
                  locks, setting,
                  waits.front()->kind == RelationKind::Index ? "the index's table" : waits.front()->relation.str(),
                  describe_blocked(queued)),
      ctx.session.in_transaction()
          ? "SET LOCAL lock_timeout = '2s' (a few seconds at most) before it in the transaction, and retry the "
            "migration when it times out"
          : "SET lock_timeout = '2s' (a few seconds at most) before it, and retry the migration when it times out");
  if (timeout) d.notes.push_back({"lock_timeout was set to 0 here", timeout->set_at});
}

}  // namespace

const Rule& missing_lock_timeout_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "missing-lock-timeout",
              .category = "lock",
              .severity = Severity::Warning,
              .summary = "A statement takes ShareLock or stronger on an existing table without a lock_timeout",
              .rationale = "A lock request waits behind every open transaction on the table, and every query that "
                           "conflicts with it queues behind the waiting request: even an instant AccessExclusiveLock "
                           "change stalls all traffic on the table for as long as the oldest transaction stays "
                           "open.",
              .alternative = "SET lock_timeout = '2s' before the statement and retry the migration when it times "
                             "out.",
              .equivalents = {.squawk = "require-lock-timeout", .eugene = "E9", .pgfence = "missing-lock-timeout"},
          },
      .check = check,
  };
  return rule;
}

}  // namespace zdlint
