// add-check-without-not-valid: ALTER TABLE ... ADD [CONSTRAINT ...] CHECK without NOT VALID
// verifies every existing row while holding AccessExclusiveLock: reads and writes stop for the whole
// scan.
#include <fmt/format.h>

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

void check(const StatementContext& ctx, Emitter& out) {
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
    const auto& constraint = *cmd.def->constraint;
    if (constraint.contype != PG_QUERY__CONSTR_TYPE__CONSTR_CHECK || constraint.skip_validation) continue;
    const std::string name = constraint.conname && *constraint.conname
                                 ? fmt::format("CHECK constraint {}", constraint.conname)
                                 : "a CHECK constraint";
    const ByteRange range = add_clause_range(ctx.stmt, ctx.stmt.file_offset(constraint.location));
    Diagnostic& d = out.emit(
        range,
        fmt::format("adding {} to {} verifies every existing row while holding {}, for a time that grows with the "
                    "table",
                    name, table.str(), lock_phrase(*effect)),
        "add it with NOT VALID (AccessExclusiveLock for a moment, no scan; new rows are checked from then on), then "
        "run ALTER TABLE ... VALIDATE CONSTRAINT in a separate transaction: it scans under ShareUpdateExclusiveLock, "
        "so reads and writes continue");
    if (ctx.stmt.origin == StatementOrigin::TopLevel)
      d.fix = Fix{"Add the CHECK NOT VALID (then VALIDATE CONSTRAINT in a separate transaction)",
                  false,
                  {{{range.end, range.end}, " NOT VALID"}}};
  }
}

}  // namespace

const Rule& add_check_without_not_valid_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "add-check-without-not-valid",
              .category = "lock",
              .severity = Severity::Error,
              .summary = "ADD CHECK without NOT VALID blocks reads and writes while every row is verified",
              .rationale = "Adding a validated CHECK constraint holds AccessExclusiveLock on the table while every "
                           "existing row is checked: SELECT, INSERT, UPDATE and DELETE wait for a time proportional "
                           "to the table's size.",
              .alternative = "ADD CONSTRAINT ... CHECK (...) NOT VALID, then VALIDATE CONSTRAINT in a separate "
                             "transaction (ShareUpdateExclusiveLock: traffic continues).",
              .equivalents = {.squawk = "constraint-missing-not-valid",
                              .eugene = "E1",
                              .strong_migrations = "add_check_constraint",
                              .pgfence = "add-constraint-check-no-not-valid"},
          },
      .check = check,
  };
  return rule;
}

}  // namespace zdlint
