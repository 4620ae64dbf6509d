// add-unique-constraint: ALTER TABLE ... ADD CONSTRAINT ... UNIQUE (cols) builds the unique index
// while holding AccessExclusiveLock, so reads stop too (a plain CREATE UNIQUE INDEX takes only
// ShareLock, and CONCURRENTLY lets writes continue). The safe form builds the index concurrently and
// attaches it with UNIQUE USING INDEX.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "parser/sql_text.h"
#include "rules/messages.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

// The ADD ... clause of a constraint, from its ADD keyword when there is one.
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

// An identifier as it must be written in SQL: quoted unless it is a plain lower-case name.
std::string sql_ident(std::string_view name) {
  const bool plain = !name.empty() && !(name[0] >= '0' && name[0] <= '9') &&
                     std::all_of(name.begin(), name.end(),
                                 [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
  if (plain) return std::string(name);
  std::string quoted = "\"";
  for (char c : name) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

// Every ADD CONSTRAINT subcommand of an ALTER TABLE on a table that existed before this file.
template <typename Visit>
void each_added_constraint(const StatementContext& ctx, Visit visit) {
  if (ctx.stmt.kind() != PG_QUERY__NODE__NODE_ALTER_TABLE_STMT) return;
  const auto& alter = *ctx.stmt.node->alter_table_stmt;
  if (alter.objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE) return;
  const QualifiedName table = qualified_name(alter.relation);
  if (ctx.is_new_table(table)) return;
  const LockEffect* effect = ctx.effects.find(table);
  if (!effect || !effect->pre_existing()) return;
  for (size_t i = 0; i < alter.n_cmds; ++i) {
    if (alter.cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD) continue;
    const auto& cmd = *alter.cmds[i]->alter_table_cmd;
    if (cmd.subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint || !cmd.def ||
        cmd.def->node_case != PG_QUERY__NODE__NODE_CONSTRAINT)
      continue;
    visit(table, *effect, *cmd.def->constraint);
  }
}

void check(const StatementContext& ctx, Emitter& out) {
  each_added_constraint(ctx, [&](const QualifiedName& table, const LockEffect& effect,
                                 const PgQuery__Constraint& constraint) {
    if (constraint.contype != PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE) return;
    if (constraint.indexname && *constraint.indexname) return;  // USING INDEX: the index exists already
    const Table* known = ctx.catalog.find_table(table);
    const auto raw_columns = string_list(constraint.keys, constraint.n_keys);
    const std::string index_name = constraint.conname && *constraint.conname
                                       ? std::string(constraint.conname)
                                       : default_index_name(table.name, raw_columns, "key");
    const std::string index = sql_ident(index_name);
    std::vector<std::string> columns, including;
    for (const auto& column : raw_columns) columns.push_back(sql_ident(column));
    for (const auto& column : string_list(constraint.including, constraint.n_including))
      including.push_back(sql_ident(column));
    const std::string create =
        fmt::format("CREATE UNIQUE INDEX CONCURRENTLY {} ON {} ({}){}{}", index, table.str(), fmt::join(columns, ", "),
                    including.empty() ? "" : fmt::format(" INCLUDE ({})", fmt::join(including, ", ")),
                    constraint.nulls_not_distinct ? " NULLS NOT DISTINCT" : "");
    const bool partitioned = known && known->kind == RelationKind::PartitionedTable;
    out.emit(add_clause_range(ctx.stmt, ctx.stmt.file_offset(constraint.location)),
             fmt::format("adding UNIQUE constraint {} to {} builds its unique index from every row while holding {}, "
                         "for a time that grows with the table (CREATE UNIQUE INDEX would take only ShareLock, and "
                         "CONCURRENTLY lets writes continue too)",
                         index_name, table.str(), lock_phrase(effect)),
             partitioned
                 ? fmt::format("{} is partitioned, where neither CONCURRENTLY nor USING INDEX is allowed: on each "
                               "partition, CREATE UNIQUE INDEX CONCURRENTLY and ADD CONSTRAINT ... UNIQUE USING INDEX "
                               "first; this ADD CONSTRAINT then attaches those constraints instead of building indexes",
                               table.str())
                 : fmt::format("{} outside a transaction block, then ALTER TABLE {} ADD CONSTRAINT {} UNIQUE USING "
                               "INDEX {} (a catalog-only change)",
                               create, table.str(), index, index));
  });
}

}  // namespace

const Rule& add_unique_constraint_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "add-unique-constraint",
              .category = "lock",
              .severity = Severity::Error,
              .summary = "ADD CONSTRAINT ... UNIQUE builds its index under AccessExclusiveLock, blocking reads and "
                         "writes",
              .rationale = "ALTER TABLE ... ADD CONSTRAINT ... UNIQUE (cols) builds the unique index while holding "
                           "AccessExclusiveLock on the table, so SELECT, INSERT, UPDATE and DELETE all wait for a "
                           "time proportional to its size. CREATE UNIQUE INDEX alone would take ShareLock (reads "
                           "continue), and CONCURRENTLY lets writes continue as well.",
              .alternative = "CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT ... UNIQUE USING INDEX.",
              .equivalents = {.squawk = "disallowed-unique-constraint",
                              .eugene = "E7",
                              .strong_migrations = "add_unique_constraint",
                              .pgfence = "add-constraint-unique"},
          },
      .check = check,
  };
  return rule;
}

}  // namespace zdlint
