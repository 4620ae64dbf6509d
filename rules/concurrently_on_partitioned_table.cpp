// concurrently-on-partitioned-table: CREATE INDEX CONCURRENTLY on a table the history created as
// partitioned fails: "cannot create index on partitioned table … concurrently" (locks.md #88).
#include <fmt/format.h>

#include "rules/registry.h"

namespace zdlint {
namespace {

void check(const StatementContext& ctx, Emitter& out) {
  if (ctx.stmt.kind() != PG_QUERY__NODE__NODE_INDEX_STMT) return;
  const auto& index = *ctx.stmt.node->index_stmt;
  if (!index.concurrent || !index.relation) return;
  const QualifiedName table = qualified_name(index.relation);
  const Table* known = ctx.catalog.find_table(table);
  if (!known || known->kind != RelationKind::PartitionedTable) return;

  const std::string name = index.idxname && *index.idxname ? index.idxname : "…";
  Diagnostic& d = out.emit(
      ctx.stmt.range,
      fmt::format("CREATE INDEX CONCURRENTLY on partitioned table {} fails: PostgreSQL cannot build an index on "
                  "a partitioned table concurrently (ERROR: cannot create index on partitioned table \"{}\" "
                  "concurrently)",
                  table.str(), table.name),
      fmt::format("create the parent index without building it: CREATE INDEX {} ON ONLY {} (…) (catalog only, "
                  "the index starts INVALID); then CREATE INDEX CONCURRENTLY on each partition, each in a "
                  "migration of its own outside a transaction; then ALTER INDEX {} ATTACH PARTITION "
                  "<partition's index> for each one: the parent index becomes valid once all are attached",
                  name, table.str(), name));
  if (!known->partitions.empty()) {
    std::string list;
    for (const auto& partition : known->partitions) list += (list.empty() ? "" : ", ") + partition.str();
    d.notes.push_back({fmt::format("partitions zdlint knows of: {}", list), std::nullopt});
  }
}

}  // namespace

const Rule& concurrently_on_partitioned_table_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "concurrently-on-partitioned-table",
              .category = "correctness",
              .severity = Severity::Error,
              .summary = "CREATE INDEX CONCURRENTLY on a partitioned table fails",
              .rationale = "PostgreSQL refuses to build an index on a partitioned table concurrently: the statement "
                           "fails with \"cannot create index on partitioned table … concurrently\".",
              .alternative = "CREATE INDEX … ON ONLY the parent, CREATE INDEX CONCURRENTLY on each partition, then "
                             "ALTER INDEX … ATTACH PARTITION for each partition's index.",
              .min_pg_version = 11,
          },
      .check = check,
  };
  return rule;
}

}  // namespace zdlint
