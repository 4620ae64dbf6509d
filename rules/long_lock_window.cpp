// long-lock-window: statements that run after the open transaction took an AccessExclusiveLock on a
// relation that already exists. The lock is held until COMMIT, so every later statement lengthens
// the time reads and writes of that relation are blocked; a data backfill above all.
//
// Reported once per transaction for DDL (at the first later statement that waits for a new lock or
// does work proportional to a table), and at every INSERT/UPDATE/DELETE/COPY that runs under the
// lock: an error when it reads the whole table (UPDATE or DELETE without WHERE).
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "rules/messages.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

bool is_dml(PgQuery__Node__NodeCase kind) {
  return kind == PG_QUERY__NODE__NODE_INSERT_STMT || kind == PG_QUERY__NODE__NODE_UPDATE_STMT ||
         kind == PG_QUERY__NODE__NODE_DELETE_STMT || kind == PG_QUERY__NODE__NODE_COPY_STMT;
}

bool same(ByteRange a, ByteRange b) { return a.begin == b.begin && a.end == b.end; }

using Covered = std::map<QualifiedName, LockMode>;

// Needs a lock the transaction does not hold yet (so it may wait), or works in proportion to a table.
bool lengthens(const LockEffect& effect, const Covered& covered) {
  if (effect.lock == LockMode::None) return false;
  if (effect.rewrite || effect.scan) return true;
  const auto it = covered.find(effect.relation);
  return it == covered.end() || it->second < effect.lock;
}

bool strong_pre_existing(const LockEffect& effect) {
  return effect.lock == LockMode::AccessExclusive && effect.pre_existing();
}

// What the open transaction's earlier statements did, folded in incrementally: the engine runs the
// rule once per statement in replay order, and held_locks() only grows within a transaction, so
// re-reading it for every statement would make a long transaction quadratic.
struct Window {
  const Session* session = nullptr;
  uint32_t transaction = 0;
  size_t seen = 0;                  // held_locks() entries folded in
  std::optional<ByteRange> taken_at;  // the first statement that took an AccessExclusiveLock
  std::vector<LockEffect> strong;   // the AccessExclusiveLocks on existing relations, one per relation
  std::set<QualifiedName> strong_relations;
  Covered covered;                  // the strongest lock held per relation
  bool reported_before = false;     // a statement after taken_at lengthened the window

  void update(const Session& s) {
    const auto& held = s.held_locks();
    if (&s != session || s.transaction_id() != transaction || held.empty() || held.size() < seen) {
      *this = Window{};
      session = &s;
      transaction = s.transaction_id();
    }
    for (size_t i = seen; i < held.size();) {
      size_t end = i;
      while (end < held.size() && same(held[end].statement, held[i].statement)) ++end;
      if (taken_at) {
        bool significant = held[i].dml;
        for (size_t k = i; k < end; ++k) significant = significant || lengthens(held[k].effect, covered);
        reported_before = reported_before || significant;
      }
      for (size_t k = i; k < end; ++k) {
        const LockEffect& effect = held[k].effect;
        LockMode& mode = covered[effect.relation];
        mode = std::max(mode, effect.lock);
        if (!strong_pre_existing(effect)) continue;
        if (!taken_at) taken_at = held[k].statement;
        if (strong_relations.insert(effect.relation).second) strong.push_back(effect);
      }
      i = end;
    }
    seen = held.size();
  }
};

void check(const StatementContext& ctx, Emitter& out) {
  thread_local Window window;
  window.update(ctx.session);
  if (ctx.stmt.origin == StatementOrigin::FunctionBody || !window.taken_at) return;
  const ByteRange taken_at = *window.taken_at;
  const Covered& covered = window.covered;
  const bool reported_before = window.reported_before;

  const bool dml = is_dml(ctx.stmt.kind());
  bool significant = dml;
  for (const auto& effect : ctx.effects.effects) significant = significant || lengthens(effect, covered);
  if (!significant || (!dml && reported_before)) return;

  std::string relations;
  for (const LockEffect& effect : window.strong) relations += (relations.empty() ? "" : ", ") + relation_label(effect);
  const uint32_t line = ctx.migration.source ? ctx.migration.source->line_of(taken_at.begin) : 0;
  const char* until = ctx.session.wrapped() ? "the runner commits at the end of the file" : "COMMIT";

  const bool backfill_scan = dml && ctx.effects.scans();
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
                  what, relations, line, window.strong.size() == 1 ? "it" : "them", until,
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
