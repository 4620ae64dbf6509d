// drop-table-without-expand: dropping a table that existed before this migration is a contract
// step; the application must have stopped using it in an earlier deploy. Silent when an earlier
// migration visibly did the expand (Catalog::table_expand_evidence_for: a replacement table made
// from it or filled with its rows), or when the file names its expand step with
// `-- zdlint-contract: <expand migration>`.
#include <fmt/format.h>

#include "rules/messages.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

void check(const StatementContext& ctx, Emitter& out) {
  if (ctx.stmt.kind() != PG_QUERY__NODE__NODE_DROP_STMT || ctx.migration.contract_of) return;
  const auto& drop = *ctx.stmt.node->drop_stmt;
  if (drop.remove_type != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE) return;
  std::vector<std::string> dropped;
  for (size_t i = 0; i < drop.n_objects; ++i) {
    const QualifiedName table = qualified_name(drop.objects[i]);
    if (table.name.empty() || ctx.is_new_table(table)) continue;
    // An earlier, separately deployed migration made its replacement: this is the contract step.
    if (ctx.catalog.table_expand_evidence_for(table, ctx.migration.file)) continue;
    dropped.push_back(table.str());
  }
  if (dropped.empty()) return;
  out.emit(
      ctx.stmt.range,
      fmt::format("dropping {} {} breaks every running instance of the application that still reads or "
                  "writes {}, and the data cannot be brought back by a rollback",
                  dropped.size() == 1 ? "table" : "tables", join_names(dropped), dropped.size() == 1 ? "it" : "them"),
      "contract in a later, separately deployed migration, after no running code uses the table (stop "
      "writing, stop reading, deploy, then drop); keep a backup or rename it aside first if the data may be "
      "needed; mark that migration with `-- zdlint-contract: <expand migration>`");
}

}  // namespace

const Rule& drop_table_without_expand_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "drop-table-without-expand",
              .category = "compatibility",
              .severity = Severity::Warning,
              .summary = "Dropping an existing table is a contract step that breaks code still using it",
              .rationale = "DROP TABLE takes an AccessExclusiveLock only briefly, but deployed application code "
                           "that still uses the table fails, and the data is gone for any rollback.",
              .alternative = "Stop using the table in the application first; drop it in a later, separately "
                             "deployed migration marked `-- zdlint-contract: <expand migration>`.",
              .equivalents = {.squawk = "ban-drop-table", .pgfence = "drop-table"},
          },
      .check = check,
  };
  return rule;
}

}  // namespace zdlint
