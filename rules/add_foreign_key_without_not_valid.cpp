// add-foreign-key-without-not-valid: ALTER TABLE ... ADD [CONSTRAINT ...] FOREIGN KEY without
// NOT VALID checks every existing row of the table against the referenced one while holding
// ShareRowExclusiveLock on both: writes to both tables stop for the whole scan.
#include <fmt/format.h>

#include "rules/alter_table_parts.h"
#include "rules/messages.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

void check(const StatementContext& ctx, Emitter& out) {
  const auto& alter = alter_of_pre_existing_table(ctx);
  if (!alter) return;
  const QualifiedName& table = alter->table;
  const Table* known = ctx.catalog.find_table(table);
  const bool partitioned = known && known->kind == RelationKind::PartitionedTable;
  for (const PgQuery__Constraint& constraint : alter->added_constraints()) {
    if (constraint.contype != PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN || constraint.skip_validation ||
        !constraint.pktable)
      continue;
    const QualifiedName parent = qualified_name(constraint.pktable);
    const LockEffect* parent_effect = ctx.effects.find(parent);
    const std::string name =
        constraint.conname && *constraint.conname ? fmt::format("foreign key {}", constraint.conname) : "a foreign key";
    const ByteRange range = add_clause_range(ctx.stmt, ctx.stmt.file_offset(constraint.location));
    std::string locks = lock_phrase(alter->effect);
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
