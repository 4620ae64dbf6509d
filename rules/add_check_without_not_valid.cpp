// add-check-without-not-valid: ALTER TABLE ... ADD [CONSTRAINT ...] CHECK without NOT VALID
// verifies every existing row while holding AccessExclusiveLock: reads and writes stop for the whole
// scan.
#include <fmt/format.h>

#include "rules/alter_table_parts.h"
#include "rules/messages.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

void check(const StatementContext& ctx, Emitter& out) {
  const auto& alter = alter_of_pre_existing_table(ctx);
  if (!alter) return;
  for (const PgQuery__Constraint& constraint : alter->added_constraints()) {
    if (constraint.contype != PG_QUERY__CONSTR_TYPE__CONSTR_CHECK || constraint.skip_validation) continue;
    const std::string name = constraint.conname && *constraint.conname
                                 ? fmt::format("CHECK constraint {}", constraint.conname)
                                 : "a CHECK constraint";
    const ByteRange range = add_clause_range(ctx.stmt, ctx.stmt.file_offset(constraint.location));
    Diagnostic& d = out.emit(
        range,
        fmt::format("adding {} to {} verifies every existing row while holding {}, for a time that grows with the "
                    "table",
                    name, alter->table.str(), lock_phrase(alter->effect)),
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
