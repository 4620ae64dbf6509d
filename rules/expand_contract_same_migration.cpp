// expand-contract-same-migration: one migration adds a replacement (a column, a table, a copy of the
// data) and drops or renames away the original. Expand and contract then ship in one deploy, so the
// instances of the previous release, still running during the deploy, lose what they use.
#include <fmt/format.h>

#include <algorithm>

#include "rules/alter_table_parts.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

struct Contract {
  ByteRange range;
  std::string what;  // "drops column \"email\" of public.users"
  std::optional<ExpandStep> expand;
};

// A column the current migration added: dropping or renaming it contracts nothing that is deployed.
bool column_added_here(const StatementContext& ctx, const QualifiedName& table, std::string_view column) {
  const Table* facts = ctx.catalog.find_table_facts(table);
  const Column* known = facts ? facts->column(column) : nullptr;
  return known && known->added && known->added->file == ctx.migration.file;
}

// ADD COLUMN in the statement itself: `ALTER TABLE t ADD COLUMN b …, DROP COLUMN a`.
std::optional<ExpandStep> added_in_statement(const StatementContext& ctx, const PgQuery__AlterTableStmt& alter,
                                             const QualifiedName& table, std::string_view column) {
  for (const PgQuery__AlterTableCmd& cmd : alter_table_subcommands(alter))
    if (cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn && cmd.def &&
        cmd.def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF && cmd.def->column_def->colname &&
        cmd.def->column_def->colname != column)
      return ExpandStep{fmt::format("ADD COLUMN \"{}\" to {}", cmd.def->column_def->colname, table.str()),
                        Origin{ctx.migration.file, 0, ctx.stmt.range}};
  return std::nullopt;
}

std::vector<Contract> contracts_of(const StatementContext& ctx) {
  std::vector<Contract> found;
  const FileId file = ctx.migration.file;
  if (const PgQuery__AlterTableStmt* alter = alter_table_of_table(ctx.stmt)) {
    const QualifiedName table = qualified_name(alter->relation);
    if (ctx.is_new_table(table)) return found;
    for (const PgQuery__AlterTableCmd& cmd : alter_table_subcommands(*alter)) {
      if (cmd.subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn || !cmd.name) continue;
      if (column_added_here(ctx, table, cmd.name)) continue;
      auto expand = ctx.catalog.expand_in_file(table, cmd.name, file);
      if (!expand) expand = added_in_statement(ctx, *alter, table, cmd.name);
      found.push_back({drop_clause_range(ctx, cmd.name, PG_QUERY__TOKEN__COLUMN),
                       fmt::format("drops column \"{}\" of {}", cmd.name, table.str()), std::move(expand)});
    }
    return found;
  }
  if (ctx.stmt.kind() == PG_QUERY__NODE__NODE_RENAME_STMT) {
    const auto& rename = *ctx.stmt.node->rename_stmt;
    if (!rename.relation || !rename.newname) return found;
    const QualifiedName table = qualified_name(rename.relation);
    if (ctx.is_new_table(table)) return found;
    if (rename.rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN && rename.subname) {
      if (column_added_here(ctx, table, rename.subname)) return found;
      std::string what =
          fmt::format("renames column \"{}\" of {} to \"{}\"", rename.subname, table.str(), rename.newname);
      found.push_back({ctx.stmt.range, std::move(what), ctx.catalog.expand_in_file(table, rename.subname, file)});
    } else if (rename.rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE) {
      found.push_back({ctx.stmt.range, fmt::format("renames table {} to \"{}\"", table.str(), rename.newname),
                       ctx.catalog.expand_in_file(table, "", file)});
    }
    return found;
  }
  if (ctx.stmt.kind() == PG_QUERY__NODE__NODE_DROP_STMT) {
    const auto& drop = *ctx.stmt.node->drop_stmt;
    if (drop.remove_type != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE) return found;
    for (size_t i = 0; i < drop.n_objects; ++i) {
      const QualifiedName table = qualified_name(drop.objects[i]);
      if (ctx.is_new_table(table)) continue;
      found.push_back({ctx.stmt.range, fmt::format("drops table {}", table.str()),
                       ctx.catalog.expand_in_file(table, "", file)});
    }
  }
  return found;
}

// The contract came first: `RENAME COLUMN email TO email_old` (or a DROP COLUMN), then this ADD
// COLUMN brings the replacement. Reported on the earlier drop or rename, with a note here.
void contract_before_expand(const StatementContext& ctx, Emitter& out) {
  const PgQuery__AlterTableStmt* alter = alter_table_of_table(ctx.stmt);
  if (!alter) return;
  const QualifiedName table = qualified_name(alter->relation);
  if (ctx.is_new_table(table)) return;
  const auto subcommands = alter_table_subcommands(*alter);
  const bool adds = std::any_of(subcommands.begin(), subcommands.end(), [](const PgQuery__AlterTableCmd& cmd) {
    return cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn;
  });
  if (!adds) return;
  const ColumnContract* contract = ctx.catalog.contract_before_expand(table, ctx.migration.file);
  if (!contract) return;
  const uint32_t line = ctx.migration.source->line_of(ctx.stmt.range.begin);
  Diagnostic& d = out.emit(
      contract->origin.statement,
      fmt::format("this migration contracts and expands in one deploy: it {} column \"{}\" of {} and then adds a "
                  "replacement on line {}; the instances of the previous release keep running while it deploys and "
                  "still use \"{}\", so they fail as soon as this commits, and rolling the application back cannot "
                  "bring the original back",
                  contract->renamed ? "renames away" : "drops", contract->column, table.str(), line, contract->column),
      "split it: add the replacement (and backfill it, and keep it in sync) in this migration, switch the application "
      "to it and deploy it everywhere, then drop or rename the original in a later, separately deployed migration "
      "marked `-- zdlint-contract: <this migration>`");
  d.notes.push_back({"the expand step: ADD COLUMN to " + table.str(), ctx.stmt.range});
}

void check(const StatementContext& ctx, Emitter& out) {
  if (ctx.stmt.origin == StatementOrigin::FunctionBody) return;
  contract_before_expand(ctx, out);
  for (Contract& contract : contracts_of(ctx)) {
    if (!contract.expand) continue;
    const ExpandStep& expand = *contract.expand;
    const uint32_t line = ctx.migration.source->line_of(expand.origin.statement.begin);
    Diagnostic& d = out.emit(
        contract.range,
        fmt::format("this migration expands and contracts in one deploy: it {} after the {} on line {}; the "
                    "instances of the previous release keep running while it deploys and still use the "
                    "original, so they fail as soon as this commits, and rolling the application back cannot "
                    "bring the original back",
                    contract.what, expand.what, line),
        "split it: ship the expand (the replacement, its backfill and whatever keeps it in sync) in this migration, "
        "switch the application to the replacement and deploy it everywhere, then drop or rename the original in a "
        "later, separately deployed migration marked `-- zdlint-contract: <this migration>`");
    d.notes.push_back({fmt::format("the expand step: {}", expand.what), expand.origin.statement});
  }
}

}  // namespace

const Rule& expand_contract_same_migration_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "expand-contract-same-migration",
              .category = "compatibility",
              .severity = Severity::Error,
              .summary = "One migration adds a replacement and drops or renames away the original: expand and "
                         "contract in one deploy",
              .rationale = "Expand/contract only protects a deploy when the two halves ship separately. When the "
                           "migration that adds a column or table (or copies data into one) also drops or renames the "
                           "original, the previous release, still serving traffic during the deploy, loses what it "
                           "reads and writes the moment the migration commits, and a rollback cannot restore it.",
              .alternative = "Ship the expand (add, backfill, keep in sync) in one migration; drop or rename the "
                             "original in a later migration, deployed after every instance uses the replacement.",
              .equivalents = {},
          },
      .check = check,
  };
  return rule;
}

}  // namespace zdlint
