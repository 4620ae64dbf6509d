// cluster: CLUSTER copies a table in index order into new files and rebuilds every index on it
// while holding AccessExclusiveLock: reads and writes of the table stop for a time that grows with
// its size. pg_repack does the same online.
#include <fmt/format.h>

#include "rules/messages.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

constexpr std::string_view kHelp =
    "to reorder a table online use pg_repack with --order-by (or --index), which copies it while reads and writes "
    "continue and holds AccessExclusiveLock only for the final swap; otherwise run CLUSTER in a maintenance window, "
    "outside the migrations";

void check(const StatementContext& ctx, Emitter& out) {
  if (ctx.stmt.kind() != PG_QUERY__NODE__NODE_CLUSTER_STMT) return;
  // Function bodies run later; the lock model has no effects for them.
  if (ctx.stmt.origin == StatementOrigin::FunctionBody) return;
  const auto& cluster = *ctx.stmt.node->cluster_stmt;
  if (!cluster.relation) {
    out.emit(ctx.stmt.range,
             "CLUSTER without a table name rewrites every table of the database that was clustered before, one "
             "after the other, each under AccessExclusiveLock, blocking reads and writes of the table being copied "
             "until its copy and all its index rebuilds are done",
             std::string(kHelp));
    return;
  }
  const LockEffect* effect = ctx.effects.find(qualified_name(cluster.relation));
  if (!effect || !effect->pre_existing() || !effect->rewrite) return;
  const std::string order =
      cluster.indexname && *cluster.indexname
          ? fmt::format("in the order of index {}", QualifiedName{effect->relation.schema, cluster.indexname}.str())
          : std::string("in the order of the index it was last clustered on");
  out.emit(ctx.stmt.range,
           fmt::format("CLUSTER copies {} into new files {} and rebuilds every index on it, which takes a time that "
                       "grows with the table's size, while holding {}",
                       effect->relation.str(), order, lock_phrase(*effect)),
           std::string(kHelp));
}

}  // namespace

const Rule& cluster_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "cluster",
              .category = "rewrite",
              .severity = Severity::Error,
              .summary = "CLUSTER rewrites a table and its indexes under AccessExclusiveLock",
              .rationale = "CLUSTER copies every row, in index order, into new files and rebuilds every index while "
                           "holding AccessExclusiveLock: reads and writes of the table wait for the whole copy, which "
                           "grows with the table's size.",
              .alternative = "pg_repack --order-by (or --index) to reorder a table online.",
              .equivalents = {.squawk = "prefer-repack"},
          },
      .check = check,
  };
  return rule;
}

}  // namespace zdlint
