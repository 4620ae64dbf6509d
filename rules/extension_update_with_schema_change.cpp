// extension-update-with-schema-change: ALTER EXTENSION … UPDATE, ALTER COLLATION … REFRESH VERSION or
// ALTER DATABASE … REFRESH COLLATION VERSION in the same migration file as DDL. Those are operational
// steps with their own failure modes; shipped with a schema change they fail, lock and roll back
// together with it, and a review of the schema change does not see them.
#include <fmt/format.h>

#include "parser/node_walk.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

bool is_refresh(PgQuery__Node__NodeCase kind) {
  return kind == PG_QUERY__NODE__NODE_ALTER_EXTENSION_STMT || kind == PG_QUERY__NODE__NODE_ALTER_COLLATION_STMT ||
         kind == PG_QUERY__NODE__NODE_ALTER_DATABASE_REFRESH_COLL_STMT;
}

// CREATE …, ALTER …, DROP …, RENAME, CREATE INDEX, CREATE VIEW, COMMENT ON and the other statements
// that change the schema, named by the parse tree's node field.
bool is_schema_change(PgQuery__Node__NodeCase kind) {
  if (is_refresh(kind) || kind == PG_QUERY__NODE__NODE_ALTER_SYSTEM_STMT) return false;
  const ProtobufCFieldDescriptor* field = node_field(static_cast<uint32_t>(kind));
  if (!field || !field->name) return false;
  const std::string_view name = field->name;
  return name.starts_with("create_") || name.starts_with("alter_") || name.starts_with("drop_") ||
         name == "rename_stmt" || name == "index_stmt" || name == "view_stmt" || name == "define_stmt" ||
         name == "composite_type_stmt" || name == "rule_stmt" || name == "comment_stmt";
}

void check_file(const FileContext& ctx, Emitter& out) {
  const StatementSummary* ddl = nullptr;
  for (const auto& summary : ctx.statements)
    if (is_schema_change(summary.kind)) {
      ddl = &summary;
      break;
    }
  if (!ddl) return;
  const uint32_t line = ctx.migration.source->line_of(ddl->range.begin);
  for (const auto& summary : ctx.statements) {
    if (!is_refresh(summary.kind)) continue;
    std::string message;
    if (summary.kind == PG_QUERY__NODE__NODE_ALTER_EXTENSION_STMT)
      message = fmt::format(
          "ALTER EXTENSION … UPDATE runs the extension's upgrade script, which can replace functions, types and "
          "operators the schema and the running application use, and locks whatever its DDL alters, in the same "
          "migration as the schema change on line {}: the two deploy and revert together (in one transaction a "
          "failure of either rolls back both), the schema change cannot be reverted without the upgrade, and "
          "blue/green deployments expect extensions updated before, not during, a schema change",
          line);
    else
      message = fmt::format(
          "the collation refresh only records the new collation version; indexes on text built with the previous "
          "collation library stay in their old order (wrong results, missed duplicates in unique indexes) until they "
          "are rebuilt, and doing it in the same migration as the schema change on line {} ties that repair to a "
          "deploy, where it is easy to miss in review and is retried or reverted with the schema change",
          line);
    Diagnostic& d = out.emit(
        summary.range, std::move(message),
        summary.kind == PG_QUERY__NODE__NODE_ALTER_EXTENSION_STMT
            ? "update the extension in a migration of its own, deployed and verified before the schema changes that "
              "need it"
            : "REINDEX the affected indexes (CONCURRENTLY) and refresh the collation version in a migration of its "
              "own, separate from schema changes");
    d.notes.push_back({"schema change in the same migration", ddl->range});
  }
}

}  // namespace

const Rule& extension_update_with_schema_change_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "extension-update-with-schema-change",
              .category = "compatibility",
              .severity = Severity::Warning,
              .summary = "ALTER EXTENSION … UPDATE or a collation version refresh in the same migration as DDL",
              .rationale = "An extension upgrade script can replace functions, types and operators and lock what "
                           "depends on them; a collation version refresh is a repair that belongs after a REINDEX. "
                           "Shipped with a schema change, they fail and roll back together with it and are easy to "
                           "miss in review.",
              .alternative = "Update extensions, and refresh collation versions after reindexing, in migrations of "
                             "their own.",
              .equivalents = {},
          },
      .check_file = check_file,
  };
  return rule;
}

}  // namespace zdlint
