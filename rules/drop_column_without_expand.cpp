// drop-column-without-expand: dropping a column of an existing table is a contract step; the
// application must have stopped using it in an earlier deploy.
#include <fmt/format.h>

#include "parser/sql_text.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

// Identifiers as PostgreSQL folds them: unquoted ones lower-cased, quoted ones verbatim.
std::string identifier_text(std::string_view token) {
  if (token.size() >= 2 && token.front() == '"' && token.back() == '"') {
    std::string out;
    for (size_t i = 1; i + 1 < token.size(); ++i) {
      out.push_back(token[i]);
      if (token[i] == '"') ++i;
    }
    return out;
  }
  std::string out(token);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// The "DROP [COLUMN] [IF EXISTS] name" action of the statement that drops `column`.
ByteRange drop_action_range(const StatementContext& ctx, std::string_view column) {
  const auto text = ctx.migration.source->text();
  const Token* drop = nullptr;
  for (const auto& token : ctx.stmt.tokens) {
    if (token.is_comment()) continue;
    if (token.kind == PG_QUERY__TOKEN__DROP) {
      drop = &token;
      continue;
    }
    if (!drop) continue;
    if (token.kind == PG_QUERY__TOKEN__COLUMN || token.kind == PG_QUERY__TOKEN__IF_P || token.kind == PG_QUERY__TOKEN__EXISTS)
      continue;
    if (identifier_text(text.substr(token.begin, token.end - token.begin)) == column)
      return clause_range(ctx.stmt, drop->begin);
    drop = nullptr;
  }
  return ctx.stmt.range;
}

void check(const StatementContext& ctx, Emitter& out) {
  if (ctx.stmt.kind() != PG_QUERY__NODE__NODE_ALTER_TABLE_STMT) return;
  const auto& alter = *ctx.stmt.node->alter_table_stmt;
  if (alter.objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE) return;
  const QualifiedName table = qualified_name(alter.relation);
  if (ctx.is_new_table(table)) return;
  for (size_t i = 0; i < alter.n_cmds; ++i) {
    if (alter.cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD) continue;
    const auto& cmd = *alter.cmds[i]->alter_table_cmd;
    if (cmd.subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn || !cmd.name) continue;
    out.emit(drop_action_range(ctx, cmd.name),
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
