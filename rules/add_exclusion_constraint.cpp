// add-exclusion-constraint: ALTER TABLE ... ADD CONSTRAINT ... EXCLUDE builds its index and checks
// every row against the others while holding AccessExclusiveLock. There is no NOT VALID, USING INDEX
// or CONCURRENTLY form for exclusion constraints.
#include <fmt/format.h>
#include <fmt/ranges.h>

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
    if (constraint.contype != PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION) return;
    const std::string name = constraint.conname && *constraint.conname
                                 ? fmt::format("EXCLUDE constraint {}", constraint.conname)
                                 : std::string("an EXCLUDE constraint");
    out.emit(add_clause_range(ctx.stmt, ctx.stmt.file_offset(constraint.location)),
             fmt::format("adding {} to {} builds its index and checks every row against the others while holding {}, "
                         "for a time that grows with the table",
                         name, table.str(), lock_phrase(effect)),
             "exclusion constraints have no NOT VALID, USING INDEX or CONCURRENTLY form, so there is no online way to "
             "add one: create a new table with the constraint, copy the rows into it in batches (keeping it in sync, "
             "for example with a trigger) and swap the tables; or accept the window, off-peak, with SET lock_timeout "
             "so the statement gives up instead of queueing traffic behind it");
  });
}

}  // namespace

const Rule& add_exclusion_constraint_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "add-exclusion-constraint",
              .category = "lock",
              .severity = Severity::Error,
              .summary = "ADD CONSTRAINT ... EXCLUDE builds its index and checks every row under "
                         "AccessExclusiveLock, with no online alternative",
              .rationale = "Adding an exclusion constraint builds its index and checks every row against the others "
                           "while holding AccessExclusiveLock: reads and writes stop for a time proportional to the "
                           "table's size. Unlike CHECK, FOREIGN KEY and UNIQUE, it cannot be added NOT VALID, built "
                           "CONCURRENTLY or attached with USING INDEX.",
              .alternative = "Build a new table with the constraint and copy the data into it, or accept the window "
                             "off-peak with a lock_timeout.",
              .equivalents = {.eugene = "E8",
                              .strong_migrations = "add_exclusion_constraint",
                              .pgfence = "add-constraint-exclude"},
          },
      .check = check,
  };
  return rule;
}

}  // namespace zdlint
