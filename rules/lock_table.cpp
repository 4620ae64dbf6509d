// lock-table: an explicit LOCK TABLE in a mode that stops reads or writes (ACCESS EXCLUSIVE by
// default; SHARE and stronger stop writes) holds that lock until the transaction ends. ROW SHARE,
// ROW EXCLUSIVE, ACCESS SHARE and SHARE UPDATE EXCLUSIVE stop neither and are not reported.
#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "rules/messages.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

void check(const StatementContext& ctx, Emitter& out) {
  if (ctx.stmt.kind() != PG_QUERY__NODE__NODE_LOCK_STMT) return;
  if (ctx.stmt.origin == StatementOrigin::FunctionBody) return;  // the lock model has no effects for it
  const auto& lock = *ctx.stmt.node->lock_stmt;
  std::vector<const LockEffect*> locked;                        // as named, each once
  std::unordered_map<const LockEffect*, size_t> partitions_of;  // locked with each
  LockMode mode = LockMode::None;
  Blocked strongest;
  for (size_t i = 0; i < lock.n_relations; ++i) {
    if (lock.relations[i]->node_case != PG_QUERY__NODE__NODE_RANGE_VAR) continue;
    const QualifiedName name = qualified_name(lock.relations[i]->range_var);
    const LockEffect* effect = ctx.effects.find(name);
    if (!effect || !effect->pre_existing()) continue;
    const Blocked blocked = effect->blocks();
    if (!blocked.reads && !blocked.writes) continue;
    if (effect->lock > mode) {
      mode = effect->lock;
      strongest = blocked;
    }
    size_t partitions = 0;
    if (const Table* table = ctx.catalog.find_table(name); table && lock.relations[i]->range_var->inh)
      partitions = table->partitions.size();
    // A table named twice is locked once (with its partitions if either names it without ONLY).
    const auto [named, first] = partitions_of.try_emplace(effect, partitions);
    if (first)
      locked.push_back(effect);
    else
      named->second = std::max(named->second, partitions);
  }
  if (locked.empty()) return;
  const std::string locks = join_lock_phrases(locked, [&](const LockEffect& effect) {
    const size_t partitions = partitions_of.at(&effect);
    return fmt::format("{} on {}{}, blocking {}", lock_name(effect.lock), relation_label(effect),
                       partitions ? fmt::format(" and on each of its {} partitions", partitions) : std::string(),
                       describe_blocked(effect.blocks()));
  });
  Diagnostic& d = out.emit(
      ctx.stmt.range,
      fmt::format("LOCK TABLE holds, until the transaction ends, {}; while it waits for the lock, new {} queue "
                  "behind it as well",
                  locks, describe_blocked(strongest)),
      fmt::format("avoid explicit locks in migrations; if the change needs one, take the weakest mode that works "
                  "(ROW EXCLUSIVE and SHARE UPDATE EXCLUSIVE block neither reads nor writes), SET lock_timeout first "
                  "so it gives up instead of stalling traffic, and commit right after the statements that need it{}",
                  mode == LockMode::AccessExclusive ? "; ACCESS EXCLUSIVE, the default mode, also blocks SELECT" : ""));
  if (!ctx.session.in_transaction())
    d.notes.push_back(
        {"outside a transaction block PostgreSQL rejects LOCK TABLE (\"LOCK TABLE can only be used in "
         "transaction blocks\")",
         std::nullopt});
}

}  // namespace

const Rule& lock_table_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "lock-table",
              .category = "lock",
              .severity = Severity::Warning,
              .summary = "An explicit LOCK TABLE blocks reads or writes until the transaction ends",
              .rationale = "LOCK TABLE holds the requested lock until COMMIT or ROLLBACK. ACCESS EXCLUSIVE (the "
                           "default) blocks every query on the table; SHARE, SHARE ROW EXCLUSIVE and EXCLUSIVE block "
                           "INSERT, UPDATE and DELETE. While it waits for the lock, new queries queue behind it.",
              .alternative = "No explicit lock, or the weakest mode that works, with a short lock_timeout and a short "
                             "transaction.",
          },
      .check = check,
  };
  return rule;
}

}  // namespace zdlint
