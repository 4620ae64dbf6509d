// add-exclusion-constraint: ALTER TABLE ... ADD CONSTRAINT ... EXCLUDE builds its index and checks
// every row against the others while holding AccessExclusiveLock. There is no NOT VALID, USING INDEX
// or CONCURRENTLY form for exclusion constraints.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "rules/alter_table_parts.h"
#include "rules/messages.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

void check(const StatementContext& ctx, Emitter& out) {
  const auto& alter = alter_of_pre_existing_table(ctx);
  if (!alter) return;
  for (const PgQuery__Constraint& constraint : alter->added_constraints()) {
    if (constraint.contype != PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION) continue;
    const std::string name = constraint.conname && *constraint.conname
                                 ? fmt::format("EXCLUDE constraint {}", constraint.conname)
                                 : std::string("an EXCLUDE constraint");
    out.emit(add_clause_range(ctx.stmt, ctx.stmt.file_offset(constraint.location)),
             fmt::format("adding {} to {} builds its index and checks every row against the others while holding {}, "
                         "for a time that grows with the table",
                         name, alter->table.str(), lock_phrase(alter->effect)),
             "exclusion constraints have no NOT VALID, USING INDEX or CONCURRENTLY form, so there is no online way to "
             "add one: create a new table with the constraint, copy the rows into it in batches (keeping it in sync, "
             "for example with a trigger) and swap the tables; or accept the window, off-peak, with SET lock_timeout "
             "so the statement gives up instead of queueing traffic behind it");
  }
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
