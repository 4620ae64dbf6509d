// add-primary-key: ALTER TABLE ... ADD PRIMARY KEY (cols) builds the index and checks the key
// columns for NULLs while holding AccessExclusiveLock. With USING INDEX the index exists already, but
// a nullable key column is still checked by a hidden full scan under the same lock; only when every
// key column is known NOT NULL (or proven by a validated CHECK on PostgreSQL 12+) is it instant.
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

// A key column PostgreSQL does not have to scan for NULLs: NOT NULL already, or (12+) proven by a
// validated CHECK (col IS NOT NULL).
bool proven_not_null(const Table& table, const std::string& column, int pg_version) {
  const Column* known = table.column(column);
  if (known && known->not_null) return true;
  if (pg_version < 12) return false;
  return std::any_of(table.constraints.begin(), table.constraints.end(), [&](const Constraint& c) {
    return c.kind == ConstraintKind::Check && c.validated && c.proves(column);
  });
}

std::vector<std::string> unproven(const Table* table, const std::vector<std::string>& columns, int pg_version) {
  std::vector<std::string> result;
  for (const auto& column : columns)
    if (!table || !proven_not_null(*table, column, pg_version))
      result.push_back(column.empty() ? "(expression)" : column);
  return result;
}

constexpr std::string_view kNotNullFirst =
    "make the key columns NOT NULL first without a long lock: ADD CONSTRAINT ... CHECK (col IS NOT NULL) NOT VALID, "
    "VALIDATE CONSTRAINT in a separate transaction, then SET NOT NULL (PostgreSQL 12+ skips the scan)";

void check(const StatementContext& ctx, Emitter& out) {
  each_added_constraint(ctx, [&](const QualifiedName& table, const LockEffect& effect,
                                 const PgQuery__Constraint& constraint) {
    if (constraint.contype != PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY) return;
    const Table* known = ctx.catalog.find_table(table);
    const ByteRange range = add_clause_range(ctx.stmt, ctx.stmt.file_offset(constraint.location));
    const int pg = ctx.settings.pg_version;
    if (!(constraint.indexname && *constraint.indexname)) {
      const auto columns = string_list(constraint.keys, constraint.n_keys);
      const auto nullable = unproven(known, columns, pg);
      const std::string index =
          sql_ident(constraint.conname && *constraint.conname ? std::string(constraint.conname) : table.name + "_pkey");
      std::vector<std::string> quoted;
      quoted.reserve(columns.size());
      for (const auto& column : columns) quoted.push_back(sql_ident(column));
      out.emit(range,
               fmt::format("adding PRIMARY KEY ({}) to {} builds its index from every row{} while holding {}, for a "
                           "time that grows with the table",
                           fmt::join(columns, ", "), table.str(),
                           nullable.empty() ? std::string()
                                            : fmt::format(" and reads every row again to check {} for NULLs",
                                                          fmt::join(nullable, ", ")),
                           lock_phrase(effect)),
               fmt::format("CREATE UNIQUE INDEX CONCURRENTLY {0} ON {1} ({2}) outside a transaction block; {3}; then "
                           "ALTER TABLE {1} ADD CONSTRAINT {0} PRIMARY KEY USING INDEX {0}",
                           index, table.str(), fmt::join(quoted, ", "),
                           nullable.empty() ? std::string("the key columns are NOT NULL already")
                                            : std::string(kNotNullFirst)));
      return;
    }
    // USING INDEX: instant only when every key column is proven NOT NULL.
    const QualifiedName index_name{table.schema, constraint.indexname};
    const Index* index = ctx.catalog.find_index(index_name);
    if (index && known) {
      const auto nullable = unproven(known, index->columns, pg);
      if (nullable.empty()) return;
      out.emit(range,
               fmt::format("PRIMARY KEY USING INDEX {} makes {} NOT NULL, and PostgreSQL reads every row of {} to "
                           "check it while holding {}: a hidden full scan, for a time that grows with the table",
                           index_name.str(), fmt::join(nullable, ", "), table.str(), lock_phrase(effect)),
               std::string(kNotNullFirst) + ", before ADD PRIMARY KEY USING INDEX");
      return;
    }
    Diagnostic& d = out.emit(
        range,
        fmt::format("PRIMARY KEY USING INDEX {} on {}: zdlint does not know whether the key columns are NOT NULL "
                    "({}), so a hidden full scan is assumed: a nullable key column is made NOT NULL by reading every "
                    "row while holding {}",
                    index_name.str(), table.str(),
                    !index ? "the migrations never created the index" : "the migrations never created the table",
                    lock_phrase(effect)),
        std::string(kNotNullFirst) +
            ", before ADD PRIMARY KEY USING INDEX; if they are NOT NULL already, nothing is "
            "scanned and this can be ignored");
    d.severity = Severity::Warning;
  });
}

}  // namespace

const Rule& add_primary_key_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "add-primary-key",
              .category = "lock",
              .severity = Severity::Error,
              .summary = "ADD PRIMARY KEY builds an index and checks for NULLs under AccessExclusiveLock; USING INDEX "
                         "still scans when a key column is nullable",
              .rationale = "ADD PRIMARY KEY (cols) builds a unique index and makes the key columns NOT NULL, both "
                           "while holding AccessExclusiveLock: reads and writes stop for a time proportional to the "
                           "table's size. USING INDEX skips the build, but a key column that is not already NOT NULL "
                           "(or proven by a validated CHECK on PostgreSQL 12+) is still checked by a full scan under "
                           "the same lock.",
              .alternative = "CREATE UNIQUE INDEX CONCURRENTLY; make the columns NOT NULL through a validated CHECK; "
                             "then ADD CONSTRAINT ... PRIMARY KEY USING INDEX.",
              .equivalents = {.squawk = "adding-serial-primary-key-field",
                              .eugene = "E7, W14",
                              .pgfence = "add-pk-without-using-index"},
          },
      .check = check,
  };
  return rule;
}

}  // namespace zdlint
