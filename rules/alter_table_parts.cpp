#include "rules/alter_table_parts.h"

#include "parser/sql_text.h"

namespace zdlint {

const PgQuery__AlterTableStmt* alter_table_of_table(const Statement& stmt) {
  if (stmt.kind() != PG_QUERY__NODE__NODE_ALTER_TABLE_STMT) return nullptr;
  const auto* alter = stmt.node->alter_table_stmt;
  if (alter->objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE || !alter->relation) return nullptr;
  return alter;
}

std::vector<std::reference_wrapper<const PgQuery__AlterTableCmd>> alter_table_subcommands(
    const PgQuery__AlterTableStmt& alter) {
  std::vector<std::reference_wrapper<const PgQuery__AlterTableCmd>> subcommands;
  for (size_t i = 0; i < alter.n_cmds; ++i)
    if (alter.cmds[i]->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_CMD)
      subcommands.emplace_back(*alter.cmds[i]->alter_table_cmd);
  return subcommands;
}

std::vector<std::reference_wrapper<const PgQuery__Constraint>> PreExistingTableAlter::added_constraints() const {
  std::vector<std::reference_wrapper<const PgQuery__Constraint>> constraints;
  for (const PgQuery__AlterTableCmd& cmd : subcommands)
    if (cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint && cmd.def &&
        cmd.def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT)
      constraints.emplace_back(*cmd.def->constraint);
  return constraints;
}

std::vector<std::reference_wrapper<const PgQuery__ColumnDef>> PreExistingTableAlter::added_columns(
    const Catalog& catalog) const {
  const Table* known = catalog.find_table(table);
  std::vector<std::reference_wrapper<const PgQuery__ColumnDef>> columns;
  for (const PgQuery__AlterTableCmd& cmd : subcommands) {
    if (cmd.subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn || !cmd.def ||
        cmd.def->node_case != PG_QUERY__NODE__NODE_COLUMN_DEF)
      continue;
    const PgQuery__ColumnDef& column = *cmd.def->column_def;
    if (cmd.missing_ok && known && column.colname && known->column(column.colname)) continue;
    columns.emplace_back(column);
  }
  return columns;
}

namespace {

std::optional<PreExistingTableAlter> find_pre_existing_alter(const StatementContext& ctx) {
  const PgQuery__AlterTableStmt* alter = alter_table_of_table(ctx.stmt);
  if (!alter) return std::nullopt;
  QualifiedName table = qualified_name(alter->relation);
  if (ctx.is_new_table(table)) return std::nullopt;
  const LockEffect* effect = ctx.effects.find(table);
  if (!effect || !effect->pre_existing()) return std::nullopt;
  return PreExistingTableAlter{std::move(table), *effect, alter_table_subcommands(*alter)};
}

}  // namespace

const std::optional<PreExistingTableAlter>& alter_of_pre_existing_table(const StatementContext& ctx) {
  if (!ctx.pre_existing_alter) ctx.pre_existing_alter.emplace(find_pre_existing_alter(ctx));
  return *ctx.pre_existing_alter;
}

ByteRange add_clause_range(const Statement& stmt, uint32_t constraint_offset) {
  const Token* previous = nullptr;
  for (const auto& token : stmt.tokens) {
    if (token.is_comment()) continue;
    if (token.end > constraint_offset) break;
    previous = &token;
  }
  const uint32_t begin = previous && previous->kind == PG_QUERY__TOKEN__ADD_P ? previous->begin : constraint_offset;
  return clause_range(stmt, begin);
}

ByteRange drop_clause_range(const StatementContext& ctx, std::string_view name, int32_t keyword) {
  const auto text = ctx.migration.source->text();
  const Token* drop = nullptr;
  for (const auto& token : ctx.stmt.tokens) {
    if (token.is_comment()) continue;
    if (token.kind == PG_QUERY__TOKEN__DROP) {
      drop = &token;
      continue;
    }
    if (!drop) continue;
    if (token.kind == keyword || token.kind == PG_QUERY__TOKEN__IF_P || token.kind == PG_QUERY__TOKEN__EXISTS) continue;
    if (identifier_name(text, token) == name) return clause_range(ctx.stmt, drop->begin);
    drop = nullptr;
  }
  return ctx.stmt.range;
}

}  // namespace zdlint
