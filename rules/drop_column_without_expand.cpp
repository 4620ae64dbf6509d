// drop-column-without-expand: dropping a column of an existing table is a contract step; the
// application must have stopped using it in an earlier deploy.
#include <fmt/format.h>

#include "rules/alter_table_parts.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

void check(const StatementContext& ctx, Emitter& out) {
  const PgQuery__AlterTableStmt* alter = alter_table_of_table(ctx.stmt);
  if (!alter) return;
  const QualifiedName table = qualified_name(alter->relation);
  if (ctx.is_new_table(table)) return;
  for (const PgQuery__AlterTableCmd& cmd : alter_table_subcommands(*alter)) {
    if (cmd.subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn || !cmd.name) continue;
    out.emit(drop_clause_range(ctx, cmd.name, PG_QUERY__TOKEN__COLUMN),
             fmt::format("dropping column \"{}\" of \"{}\" breaks every running instance of the application that "
                         "still reads or writes it, and the data cannot be brought back by a rollback",
                         cmd.name, table.str()),
             "contract in a later, separately deployed migration, after the application has stopped using the "
             "column (stop writing, stop reading, deploy, then drop)");
  }
}

}  // namespace

const Rule& drop_column_without_expand_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "drop-column-without-expand",
              .category = "compatibility",
              .severity = Severity::Warning,
              .summary = "Dropping a column of an existing table is a contract step that breaks code still using it",
              .rationale = "The drop is a quick catalog change, but deployed application code that still uses "
                           "the column fails, and the data is gone for any rollback.",
              .alternative = "Stop using the column in the application first; drop it in a later, separately "
                             "deployed migration.",
              .equivalents = {.squawk = "ban-drop-column",
                              .strong_migrations = "remove_column",
                              .pgfence = "drop-column"},
          },
      .check = check,
  };
  return rule;
}

}  // namespace zdlint
