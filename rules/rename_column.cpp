// rename-column: renaming a column in place breaks every running application instance that still
// uses the old name; expand/contract does it without downtime.
#include <fmt/format.h>

#include "rules/registry.h"

namespace zdlint {
namespace {

void check(const StatementContext& ctx, Emitter& out) {
  if (ctx.stmt.kind() != PG_QUERY__NODE__NODE_RENAME_STMT) return;
  const auto& rename = *ctx.stmt.node->rename_stmt;
  if (rename.rename_type != PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN) return;
  if (rename.relation_type != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE || !rename.subname || !rename.newname) return;
  const QualifiedName table = qualified_name(rename.relation);
  if (ctx.is_new_table(table)) return;
  out.emit(ctx.stmt.range,
           fmt::format("renaming column \"{}\" of \"{}\" to \"{}\" breaks every running instance of the "
                       "application that still reads or writes \"{}\"",
                       rename.subname, table.str(), rename.newname, rename.subname),
           "expand and contract instead: add the new column, keep both in sync (trigger or dual writes), "
           "backfill, move reads over, and drop the old column in a later, separately deployed migration");
}

}  // namespace

const Rule& rename_column_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "rename-column",
              .category = "compatibility",
              .severity = Severity::Warning,
              .summary = "Renaming a column breaks the application code still using the old name",
              .rationale = "The rename is a quick catalog change, but every deployed instance of the "
                           "application that uses the old name fails from that moment on.",
              .alternative = "Expand/contract: add the new column, dual-write, backfill, switch reads, then "
                             "drop the old column in a later migration.",
              .equivalents = {.squawk = "renaming-column",
                              .strong_migrations = "rename_column",
                              .pgfence = "rename-column"},
          },
      .check = check,
  };
  return rule;
}

}  // namespace zdlint
