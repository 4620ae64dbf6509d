// vacuum-full: VACUUM FULL copies a table into new files and rebuilds every index on it while
// holding AccessExclusiveLock: reads and writes of the table stop for a time that grows with its
// size. pg_repack / pg_squeeze do the same online; plain VACUUM makes dead space reusable.
#include <fmt/format.h>

#include "analyzer/lock_effects_builder.h"
#include "rules/messages.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

constexpr std::string_view kHelp =
    "to shrink the table online use pg_repack or pg_squeeze, which copy it while reads and writes continue and "
    "hold AccessExclusiveLock only for the final swap; to make dead space reusable, plain VACUUM "
    "(ShareUpdateExclusiveLock: reads and writes continue) is enough";

void check(const StatementContext& ctx, Emitter& out) {
  if (ctx.stmt.kind() != PG_QUERY__NODE__NODE_VACUUM_STMT) return;
  const auto& vacuum = *ctx.stmt.node->vacuum_stmt;
  if (!vacuum.is_vacuumcmd || !has_option(vacuum.options, vacuum.n_options, "full")) return;
  // VACUUM refuses to run inside a function; the lock model has no effects for function bodies.
  if (ctx.stmt.origin == StatementOrigin::FunctionBody) return;

  if (vacuum.n_rels == 0) {
    out.emit(ctx.stmt.range,
             "VACUUM FULL without a table list rewrites every table of the database, one after the other, each "
             "under AccessExclusiveLock, blocking reads and writes of the table being copied until its copy and all "
             "its index rebuilds are done",
             std::string(kHelp));
    return;
  }

  std::vector<const LockEffect*> tables;
  for (size_t i = 0; i < vacuum.n_rels; ++i) {
    if (vacuum.rels[i]->node_case != PG_QUERY__NODE__NODE_VACUUM_RELATION) continue;
    const auto* relation = vacuum.rels[i]->vacuum_relation->relation;
    if (!relation) continue;
    const LockEffect* effect = ctx.effects.find(qualified_name(relation));
    if (effect && effect->pre_existing() && effect->rewrite) tables.push_back(effect);
  }
  if (tables.empty()) return;
  std::string locks;
  for (const LockEffect* effect : tables) locks += (locks.empty() ? "" : "; ") + lock_phrase(*effect);
  out.emit(
      ctx.stmt.range,
      tables.size() == 1
          ? fmt::format("VACUUM FULL copies the table into new files and rebuilds every index on it, which takes a "
                        "time that grows with its size, while holding {}",
                        locks)
          : fmt::format("VACUUM FULL copies each table into new files and rebuilds its indexes, one table after "
                        "the other, each for a time that grows with its size, while holding {}",
                        locks),
      std::string(kHelp));
}

}  // namespace

const Rule& vacuum_full_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "vacuum-full",
              .category = "rewrite",
              .severity = Severity::Error,
              .summary = "VACUUM FULL rewrites a table and its indexes under AccessExclusiveLock",
              .rationale = "VACUUM FULL copies every live row into new files and rebuilds every index while holding "
                           "AccessExclusiveLock: reads and writes of the table wait for the whole copy, which grows "
                           "with the table's size.",
              .alternative = "pg_repack or pg_squeeze to shrink a table online; plain VACUUM to make dead space "
                             "reusable.",
              .equivalents = {.squawk = "prefer-repack", .pgfence = "vacuum-full"},
          },
      .check = check,
  };
  return rule;
}

}  // namespace zdlint
