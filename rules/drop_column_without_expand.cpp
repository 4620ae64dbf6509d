// drop-column-without-expand: dropping a column of an existing table is a contract step; the
// application must have stopped using it in an earlier deploy. Silent when an earlier migration
// visibly did the expand (Catalog::expand_evidence_for) or the file names it with
// `-- zdlint-contract: NAME`.
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
  // `-- zdlint-contract: NAME`: the file says which earlier migration did the expand.
  if (ctx.migration.contract_of) return;
  const Table* facts = ctx.catalog.find_table_facts(table);
  for (const PgQuery__AlterTableCmd& cmd : alter_table_subcommands(*alter)) {
    if (cmd.subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn || !cmd.name) continue;
    // A column this migration added is new: nothing can depend on it yet.
    if (const Column* column = facts ? facts->column(cmd.name) : nullptr;
        column && column->added && column->added->file == ctx.migration.file)
      continue;
    // An earlier, separately deployed migration did the expand: this is its contract step.
    if (ctx.catalog.expand_evidence_for(table, cmd.name, ctx.migration.file)) continue;
    const char* assumed =
        ctx.catalog.find_table(table) ? "" : " (the history never created the table: assumed large and busy)";
    out.emit(drop_clause_range(ctx, cmd.name, PG_QUERY__TOKEN__COLUMN),
             fmt::format("dropping column \"{}\" of \"{}\" breaks every running instance of the application that "
                         "still reads or writes it, and the data cannot be brought back by a rollback; no earlier "
                         "migration shows the expand step for it (a replacement column backfilled from it or kept in "
                         "sync by a trigger, or a view over the table), so the application is assumed to still use "
                         "it{}",
                         cmd.name, table.str(), assumed),
             "contract in a later, separately deployed migration, after the application has stopped using the "
             "column (stop writing, stop reading, deploy, then drop); when an earlier migration did the expand, "
             "say which with `-- zdlint-contract: <migration>` in this file");
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
