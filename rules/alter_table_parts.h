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

// The statement as an ALTER TABLE of a pre-existing table, if it is one. Worked out once per
// statement (a dozen rules ask), and kept in the context.
const std::optional<PreExistingTableAlter>& alter_of_pre_existing_table(const StatementContext& ctx);

// The ADD ... clause of a constraint, from its ADD keyword when there is one.
ByteRange add_clause_range(const Statement& stmt, uint32_t constraint_offset);

// The "DROP [<keyword>] [IF EXISTS] name ..." action that drops `name`, where `keyword` is
// PG_QUERY__TOKEN__COLUMN or PG_QUERY__TOKEN__CONSTRAINT; the whole statement if none matches.
ByteRange drop_clause_range(const StatementContext& ctx, std::string_view name, int32_t keyword);

}  // namespace zdlint
