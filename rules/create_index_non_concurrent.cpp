// create-index-non-concurrent: CREATE INDEX without CONCURRENTLY on a table that already exists
// takes a ShareLock, which blocks every write for as long as the index build takes. On a
// partitioned table CONCURRENTLY is refused, so the message points to the ON ONLY recipe instead.
#include <fmt/format.h>

#include "parser/sql_text.h"
#include "rules/messages.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

void check(const StatementContext& ctx, Emitter& out) {
  if (ctx.stmt.kind() != PG_QUERY__NODE__NODE_INDEX_STMT) return;
  const auto& index = *ctx.stmt.node->index_stmt;
  if (index.concurrent || !index.relation) return;
  // CREATE INDEX ... ON ONLY parent creates an invalid index on a partitioned table's parent
  // alone: a catalog change, and the documented first step of building partition indexes safely.
  if (!index.relation->inh) return;
  const QualifiedName table = qualified_name(index.relation);
  if (ctx.is_new_table(table)) return;

  const bool in_function = ctx.stmt.origin == StatementOrigin::FunctionBody;
  // Statements a function body holds are not executed by the migration, so the lock model has no
  // effects for them: describe the lock the CREATE INDEX will take when the function runs.
  LockEffect effect;
  if (const LockEffect* predicted = ctx.effects.find(table)) {
    effect = *predicted;
  } else if (in_function) {
    effect.relation = table;
    effect.lock = LockMode::Share;
    effect.known = ctx.catalog.relation_kind(table).has_value();
  } else {
    return;  // IF NOT EXISTS on an index the history already created: a no-op
  }

  const Table* known = ctx.catalog.find_table(table);
  const char* when = in_function ? " when the function runs" : "";
  if (known && known->kind == RelationKind::PartitionedTable) {
    out.emit(ctx.stmt.range,
             fmt::format("CREATE INDEX on partitioned table {} takes {}{}, and ShareLock on each of its {} "
                         "partition(s) while their indexes are built: writes wait for the whole build. "
                         "CONCURRENTLY is not available on a partitioned table",
                         table.str(), lock_phrase(effect), when, known->partitions.size()),
             fmt::format("create the index with CREATE INDEX … ON ONLY {} (catalog only), build each partition's "
                         "index with CREATE INDEX CONCURRENTLY, then ALTER INDEX … ATTACH PARTITION each one; the "
                         "parent index becomes valid once every partition's index is attached",
                         table.str()));
    return;
  }

  Diagnostic& d = out.emit(
      ctx.stmt.range,
      fmt::format("CREATE INDEX without CONCURRENTLY takes {}{} (reads continue) for the whole index build, "
                  "which grows with the table",
                  lock_phrase(effect), when),
      "use CREATE INDEX CONCURRENTLY (ShareUpdateExclusiveLock: reads and writes continue) in a migration that "
      "does not run inside a transaction block");
  if (ctx.stmt.origin == StatementOrigin::TopLevel) {
    if (const Token* keyword = first_token_of_kind(ctx.stmt, PG_QUERY__TOKEN__INDEX))
      d.fix = Fix{"Build the index concurrently", false, {{{keyword->end, keyword->end}, " CONCURRENTLY"}}};
  }
}

}  // namespace

const Rule& create_index_non_concurrent_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "create-index-non-concurrent",
              .category = "lock",
              .severity = Severity::Error,
              .summary = "CREATE INDEX without CONCURRENTLY blocks writes to an existing table",
              .rationale = "A plain CREATE INDEX holds a ShareLock on the table until the build finishes: "
                           "every INSERT, UPDATE and DELETE waits, for a time proportional to the table's size.",
              .alternative = "CREATE INDEX CONCURRENTLY, outside a transaction block; on a partitioned table, "
                             "CREATE INDEX ON ONLY the parent, CONCURRENTLY on each partition, then ATTACH.",
              .equivalents = {.squawk = "require-concurrent-index-creation",
                              .eugene = "E6",
                              .strong_migrations = "add_index",
                              .pgfence = "create-index-not-concurrent"},
          },
      .check = check,
  };
  return rule;
}

}  // namespace zdlint
