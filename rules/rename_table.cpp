// rename-table: renaming a table in place breaks every running application instance that still
// uses the old name. Rename and leave a view under the old name, or go through expand/contract.
#include <fmt/format.h>

#include "parser/sql_text.h"
#include "rules/messages.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

// The relation as SQL names it: schema-qualified only when the statement qualifies it.
std::string written_name(const PgQuery__RangeVar& relation, std::string_view name) {
  std::string text;
  if (relation.schemaname && *relation.schemaname) text = quote_identifier(relation.schemaname) + ".";
  return text + quote_identifier(name);
}

void check(const StatementContext& ctx, Emitter& out) {
  if (ctx.stmt.kind() != PG_QUERY__NODE__NODE_RENAME_STMT) return;
  const auto& rename = *ctx.stmt.node->rename_stmt;
  if (rename.rename_type != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE || !rename.relation || !rename.newname) return;
  const QualifiedName table = qualified_name(rename.relation);
  if (ctx.is_new_table(table)) return;
  const LockEffect* effect = ctx.effects.find(table);
  const std::string lock = effect && effect->lock != LockMode::None
                               ? lock_phrase(*effect)
                               : fmt::format("AccessExclusiveLock on {}, blocking reads and writes", table.str());
  const std::string old_name = written_name(*rename.relation, table.name);
  const std::string new_name = written_name(*rename.relation, rename.newname);
  out.emit(ctx.stmt.range,
           fmt::format("renaming table {} to \"{}\" breaks every running instance of the application that still "
                       "uses the old name; the rename itself is a quick catalog change under {}",
                       table.str(), rename.newname, lock),
           fmt::format("rename and, in the same transaction, create a compatibility view under the old name "
                       "(`CREATE VIEW {} AS SELECT * FROM {};`: a simple view is automatically updatable), then drop "
                       "the view in a later migration once no running code uses the old name; or expand/contract: "
                       "create the new table, keep it in sync with a trigger, backfill, switch the application, and "
                       "drop the old table later",
                       old_name, new_name));
}

}  // namespace

const Rule& rename_table_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "rename-table",
              .category = "compatibility",
              .severity = Severity::Warning,
              .summary = "Renaming an existing table breaks the application code still using the old name",
              .rationale = "The rename is a quick catalog change under AccessExclusiveLock, but every deployed "
                           "instance of the application that uses the old name fails from that moment on.",
              .alternative = "Rename and create a view with the old name (CREATE VIEW old AS SELECT * FROM new) "
                             "until no code uses it, or a new table kept in sync by a trigger and backfilled.",
              .equivalents = {.squawk = "renaming-table",
                              .strong_migrations = "rename_table",
                              .pgfence = "rename-table"},
          },
      .check = check,
  };
  return rule;
}

}  // namespace zdlint
