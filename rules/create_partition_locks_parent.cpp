// create-partition-locks-parent: CREATE TABLE … PARTITION OF an existing partitioned table takes
// AccessExclusiveLock on the parent (unlike ATTACH PARTITION, which needs ShareUpdateExclusiveLock
// from PostgreSQL 12 on): every query on the partitioned table waits, and so do writes sent straight
// to its existing partitions (measured on PostgreSQL 15).
#include <fmt/format.h>

#include "rules/messages.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

// "FOR VALUES FROM (…) TO (…)" as written, or "FOR VALUES …" when it cannot be cut out cleanly.
std::string bound_text(const StatementContext& ctx, const PgQuery__PartitionBoundSpec& bound) {
  if (bound.is_default) return "DEFAULT";
  if (bound.location < 0) return "FOR VALUES …";
  const uint32_t from = ctx.stmt.file_offset(bound.location);
  const std::string_view strategy = bound.strategy ? bound.strategy : "";
  const int groups_needed = strategy == "r" ? 2 : 1;
  int depth = 0, groups = 0;
  uint32_t end = 0;
  for (const auto& token : ctx.stmt.tokens) {
    if (token.is_comment() || token.begin < from) continue;
    if (token.begin >= ctx.stmt.range.end) break;
    if (token.is('(')) ++depth;
    if (token.is(')') && --depth == 0) ++groups;
    end = token.end;
    if (groups == groups_needed) break;
  }
  if (groups != groups_needed) return "FOR VALUES …";
  // The parse tree's location is the FROM / IN / WITH keyword after FOR VALUES.
  return "FOR VALUES " + std::string(ctx.migration.source->text().substr(from, end - from));
}

void check(const StatementContext& ctx, Emitter& out) {
  if (ctx.stmt.kind() != PG_QUERY__NODE__NODE_CREATE_STMT) return;
  if (ctx.stmt.origin == StatementOrigin::FunctionBody) return;  // the lock model has no effects for it
  const auto& create = *ctx.stmt.node->create_stmt;
  if (!create.partbound || create.n_inh_relations == 0 || !create.relation) return;
  if (create.inh_relations[0]->node_case != PG_QUERY__NODE__NODE_RANGE_VAR) return;
  const QualifiedName parent_name = qualified_name(create.inh_relations[0]->range_var);
  const QualifiedName child_name = qualified_name(create.relation);
  const LockEffect* parent = ctx.effects.find(parent_name);
  if (!parent || !parent->pre_existing() || parent->lock != LockMode::AccessExclusive) return;

  std::string message = fmt::format(
      "CREATE TABLE … PARTITION OF holds, until the transaction ends, {}; INSERT and UPDATE sent straight to its "
      "existing partitions wait too (ATTACH PARTITION would need only ShareUpdateExclusiveLock on the parent)",
      lock_phrase(*parent));
  bool default_scanned = false;
  for (const auto& effect : ctx.effects.effects) {
    if (effect.relation == parent_name || effect.relation == child_name || !effect.scan || !effect.pre_existing())
      continue;
    message += fmt::format(
        "; the DEFAULT partition {} is locked ({}) and every row of it is read to prove none "
        "belongs to the new partition",
        relation_label(effect), lock_name(effect.lock));
    default_scanned = true;
  }

  std::string help;
  if (ctx.settings.pg_version < 12) {
    help = fmt::format(
        "before PostgreSQL 12 ATTACH PARTITION also takes AccessExclusiveLock on the parent, so there "
        "is no lighter way on PostgreSQL {}: create partitions well ahead of need, at a quiet time, "
        "with a short lock_timeout",
        ctx.settings.pg_version);
  } else {
    help = fmt::format(
        "create the table on its own and attach it: CREATE TABLE {0} (LIKE {1} INCLUDING ALL); then "
        "ALTER TABLE {1} ATTACH PARTITION {0} {2} (ShareUpdateExclusiveLock on {1}: reads and writes "
        "continue; the new table is empty, so its bound check is instant; if you load rows into it "
        "before attaching, add a validated CHECK matching the bound first)",
        child_name.str(), parent_name.str(), bound_text(ctx, *create.partbound));
    if (default_scanned)
      help += "; the DEFAULT partition is scanned either way, unless a validated CHECK on it excludes the new range";
  }
  out.emit(ctx.stmt.range, std::move(message), std::move(help));
}

}  // namespace

const Rule& create_partition_locks_parent_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "create-partition-locks-parent",
              .category = "lock",
              .severity = Severity::Warning,
              .summary = "CREATE TABLE … PARTITION OF locks the partitioned table AccessExclusive",
              .rationale = "Creating a partition in place takes AccessExclusiveLock on the partitioned table: every "
                           "query on it waits, and so do writes sent straight to its partitions. The change is quick, "
                           "but the lock queues behind long transactions and traffic queues behind it. ATTACH "
                           "PARTITION needs only ShareUpdateExclusiveLock on the parent (PostgreSQL 12+).",
              .alternative = "CREATE TABLE … (LIKE parent INCLUDING ALL), then ALTER TABLE parent ATTACH PARTITION "
                             "(with a validated CHECK matching the bound if the table has rows).",
          },
      .check = check,
  };
  return rule;
}

}  // namespace zdlint
