// detach-partition-non-concurrent: ALTER TABLE parent DETACH PARTITION child without CONCURRENTLY
// takes AccessExclusiveLock on the parent and on the partition. Reads and writes of the whole
// partitioned table stop, and so do writes sent straight to its other partitions (checking a
// partition's bound opens the parent). PostgreSQL 14 added DETACH PARTITION … CONCURRENTLY.
#include <fmt/format.h>

#include <optional>

#include "parser/sql_text.h"
#include "rules/alter_table_parts.h"
#include "rules/messages.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

constexpr int kConcurrentDetachSince = 14;

void check(const StatementContext& ctx, Emitter& out) {
  if (ctx.settings.pg_version < kConcurrentDetachSince) return;  // no alternative to point to
  if (ctx.stmt.origin == StatementOrigin::FunctionBody) return;  // the lock model has no effects for it
  const PgQuery__AlterTableStmt* alter = alter_table_of_table(ctx.stmt);
  if (!alter) return;
  for (const PgQuery__AlterTableCmd& cmd : alter_table_subcommands(*alter)) {
    if (cmd.subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartition || !cmd.def ||
        cmd.def->node_case != PG_QUERY__NODE__NODE_PARTITION_CMD || !cmd.def->partition_cmd->name)
      continue;
    if (cmd.def->partition_cmd->concurrent) continue;
    const QualifiedName parent_name = qualified_name(alter->relation);
    const QualifiedName child_name = qualified_name(cmd.def->partition_cmd->name);
    const LockEffect* parent = ctx.effects.find(parent_name);
    const LockEffect* child = ctx.effects.find(child_name);
    const bool parent_live = parent && parent->pre_existing();
    const bool child_live = child && child->pre_existing();
    if (!parent_live && !child_live) continue;

    std::string locks;
    if (parent_live) locks = lock_phrase(*parent);
    if (child_live) locks += (locks.empty() ? "" : "; ") + lock_phrase(*child);
    std::string message =
        fmt::format("DETACH PARTITION without CONCURRENTLY holds, until the transaction ends, {}", locks);
    if (parent_live)
      message += fmt::format(
          "; INSERT and UPDATE sent straight to the other partitions of {} wait too, because "
          "checking a partition's bound opens the parent",
          parent_name.str());

    // PostgreSQL refuses DETACH … CONCURRENTLY while the partitioned table has a DEFAULT partition.
    const Table* parent_table = ctx.catalog.find_table(parent_name);
    std::optional<QualifiedName> default_partition;
    if (const Table* t = parent_table ? ctx.catalog.default_partition_of(*parent_table) : nullptr;
        t && t->name != child_name)
      default_partition = t->name;

    const Token* detach = first_token_of_kind(ctx.stmt, PG_QUERY__TOKEN__DETACH);
    const ByteRange range = detach ? clause_range(ctx.stmt, detach->begin) : ctx.stmt.range;

    if (default_partition) {
      out.emit(range, std::move(message),
               fmt::format("DETACH PARTITION … CONCURRENTLY would keep reads and writes going, but PostgreSQL refuses "
                           "it while {} has a DEFAULT partition ({}); run the detach with a short lock_timeout and "
                           "retry, at a quiet time",
                           parent_name.str(), default_partition->str()));
      continue;
    }
    Diagnostic& d = out.emit(
        range, std::move(message),
        fmt::format("use ALTER TABLE {} DETACH PARTITION {} CONCURRENTLY (PostgreSQL 14+): the parent is only "
                    "ShareUpdateExclusiveLock-ed and reads and writes continue; it cannot run inside a transaction "
                    "block, and if it is interrupted, DETACH PARTITION {} FINALIZE completes it",
                    parent_name.str(), child_name.str(), child_name.str()));
    if (ctx.stmt.origin == StatementOrigin::TopLevel && range.end > range.begin && range.end <= ctx.stmt.range.end)
      d.fix = Fix{"Detach concurrently", false, {{{range.end, range.end}, " CONCURRENTLY"}}};
  }
}

}  // namespace

const Rule& detach_partition_non_concurrent_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "detach-partition-non-concurrent",
              .category = "lock",
              .severity = Severity::Warning,
              .summary = "DETACH PARTITION without CONCURRENTLY locks the partitioned table AccessExclusive",
              .rationale = "A plain DETACH PARTITION takes AccessExclusiveLock on the partitioned table and the "
                           "partition: every query on the table waits, and so do writes sent straight to its other "
                           "partitions. The change itself is quick, but the lock queues behind long transactions and "
                           "traffic queues behind it.",
              .alternative = "DETACH PARTITION … CONCURRENTLY (PostgreSQL 14+), outside a transaction block.",
              .min_pg_version = kConcurrentDetachSince,
              .equivalents = {.squawk = "require-concurrent-partition-detach", .pgfence = "detach-partition"},
          },
      .check = check,
  };
  return rule;
}

}  // namespace zdlint
