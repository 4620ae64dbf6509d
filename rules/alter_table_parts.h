#pragma once
// The parts of an ALTER TABLE statement that rules judge one by one: its subcommands, those of a
// table that existed before this file, and the text of an ADD clause.
#include <functional>
#include <optional>
#include <vector>

#include "rules/rule.h"

namespace zdlint {

// The statement's node when it is an ALTER TABLE of a table; null for any other statement, and for
// ALTER INDEX, VIEW, SEQUENCE … (which PostgreSQL parses into the same node).
const PgQuery__AlterTableStmt* alter_table_of_table(const Statement& stmt);

// The subcommands of an ALTER TABLE, in the order they are written.
std::vector<std::reference_wrapper<const PgQuery__AlterTableCmd>> alter_table_subcommands(
    const PgQuery__AlterTableStmt& alter);

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

// The statement as an ALTER TABLE of a pre-existing table, if it is one.
std::optional<PreExistingTableAlter> alter_of_pre_existing_table(const StatementContext& ctx);

// The "DROP [COLUMN] [IF EXISTS] name" action of the statement that drops `column`; the statement's
// range when it is not found.
ByteRange drop_column_range(const StatementContext& ctx, std::string_view column);

// The ADD ... clause of a constraint, from its ADD keyword when there is one.
ByteRange add_clause_range(const Statement& stmt, uint32_t constraint_offset);

}  // namespace zdlint
