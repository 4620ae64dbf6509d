// add-foreign-key-without-not-valid: ALTER TABLE ... ADD [CONSTRAINT ...] FOREIGN KEY without
// NOT VALID checks every existing row of the table against the referenced one while holding
// ShareRowExclusiveLock on both: writes to both tables stop for the whole scan.
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
  const LockEffect* child = ctx.effects.find(table);
  if (!child || !child->pre_existing()) return;
  const Table* known = ctx.catalog.find_table(table);
  const bool partitioned = known && known->kind == RelationKind::PartitionedTable;
  for (size_t i = 0; i < alter.n_cmds; ++i) {
    if (alter.cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD) continue;
    const auto& cmd = *alter.cmds[i]->alter_table_cmd;
    if (cmd.subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint || !cmd.def ||
        cmd.def->node_case != PG_QUERY__NODE__NODE_CONSTRAINT)
      continue;
    const auto& constraint = *cmd.def->constraint;
    if (constraint.contype != PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN || constraint.skip_validation ||
        !constraint.pktable)
      continue;
    const QualifiedName parent = qualified_name(constraint.pktable);
    const LockEffect* parent_effect = ctx.effects.find(parent);
    const std::string name =
        constraint.conname && *constraint.conname ? fmt::format("foreign key {}", constraint.conname) : "a foreign key";
    const ByteRange range = add_clause_range(ctx.stmt, ctx.stmt.file_offset(constraint.location));
    std::string locks = lock_phrase(*child);
    if (parent_effect && parent != table) locks += " and " + lock_phrase(*parent_effect);
    const bool not_valid_refused = partitioned && ctx.settings.pg_version < 18;
    Diagnostic& d = out.emit(
        range,
        fmt::format("adding {} to {} checks every existing row against {} while holding {}, for a time that grows "
                    "with the table",
                    name, table.str(), parent.str(), locks),
        not_valid_refused
            ? fmt::format("{} is partitioned, and before PostgreSQL 18 a partitioned table refuses NOT VALID foreign "
                          "keys: add the same foreign key NOT VALID to each partition and VALIDATE CONSTRAINT each "
                          "in a separate transaction; this statement then attaches the validated partition "
                          "constraints without scanning",
                          table.str())
            : std::string("add it with NOT VALID (a brief ShareRowExclusiveLock, no scan), then run ALTER TABLE ... "
                          "VALIDATE CONSTRAINT in a separate transaction: it scans under ShareUpdateExclusiveLock on "
                          "the table and RowShareLock on the referenced one, so reads and writes continue"));
    if (!not_valid_refused && ctx.stmt.origin == StatementOrigin::TopLevel)
      d.fix = Fix{"Add the foreign key NOT VALID (then VALIDATE CONSTRAINT in a separate transaction)",
                  false,
                  {{{range.end, range.end}, " NOT VALID"}}};
  }
}

}  // namespace

const Rule& add_foreign_key_without_not_valid_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "add-foreign-key-without-not-valid",
              .category = "lock",
              .severity = Severity::Error,
              .summary = "ADD FOREIGN KEY without NOT VALID blocks writes on both tables while every row is checked",
              .rationale = "Adding a validated foreign key takes ShareRowExclusiveLock on the table and on the "
                           "referenced table, then checks every existing row: INSERT, UPDATE and DELETE on both "
                           "tables wait for a time proportional to the table's size (reads continue). Before "
                           "PostgreSQL 9.5 the locks were AccessExclusiveLock.",
              .alternative = "ADD CONSTRAINT ... FOREIGN KEY ... NOT VALID, then VALIDATE CONSTRAINT in a separate "
                             "transaction (ShareUpdateExclusiveLock and RowShareLock: traffic continues).",
              .equivalents = {.squawk = "adding-foreign-key-constraint",
                              .eugene = "E1",
                              .strong_migrations = "add_foreign_key",
                              .pgfence = "add-constraint-fk-no-not-valid"},
          },
      .check = check,
  };
  return rule;
}

}  // namespace zdlint
