#pragma once
// An ALTER TABLE of a table that existed before the file, as the rules see it: in a header of its
// own because StatementContext keeps the one of its statement (rules/rule.h).
#include <functional>
#include <vector>

#include "analyzer/catalog.h"
#include "analyzer/lock_model.h"

namespace zdlint {

// An ALTER TABLE of a table that existed before this file. A table created earlier in the same
// migration is empty and no running code uses it yet, so nothing done to it blocks anyone.
struct PreExistingTableAlter {
  QualifiedName table;
  const LockEffect& effect;  // what the lock model predicts for the table
  std::vector<std::reference_wrapper<const PgQuery__AlterTableCmd>> subcommands;

  // The constraint of every ADD CONSTRAINT subcommand, in order.
  [[nodiscard]] std::vector<std::reference_wrapper<const PgQuery__Constraint>> added_constraints() const;
  // The column of every ADD COLUMN subcommand, in order, leaving out ADD COLUMN IF NOT EXISTS of a
  // column the table already has: a no-op with a notice.
  [[nodiscard]] std::vector<std::reference_wrapper<const PgQuery__ColumnDef>> added_columns(
      const Catalog& catalog) const;
};

}  // namespace zdlint
