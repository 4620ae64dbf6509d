// add-primary-key: ALTER TABLE ... ADD PRIMARY KEY (cols) builds the index and checks the key
// columns for NULLs while holding AccessExclusiveLock. With USING INDEX the index exists already, but
// a nullable key column is still checked by a hidden full scan under the same lock; only when every
// key column is known NOT NULL (or proven by a validated CHECK on PostgreSQL 12+) is it instant.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "parser/sql_text.h"
#include "rules/alter_table_parts.h"
#include "rules/messages.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

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
  const auto& alter = alter_of_pre_existing_table(ctx);
  if (!alter) return;
  const QualifiedName& table = alter->table;
  const Table* known = ctx.catalog.find_table(table);
  for (const PgQuery__Constraint& constraint : alter->added_constraints()) {
    if (constraint.contype != PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY) continue;
    const ByteRange range = add_clause_range(ctx.stmt, ctx.stmt.file_offset(constraint.location));
    const int pg = ctx.settings.pg_version;
    if (!(constraint.indexname && *constraint.indexname)) {
      const auto columns = string_list(constraint.keys, constraint.n_keys);
      const auto nullable = unproven(known, columns, pg);
      const std::string index = quote_identifier(
          constraint.conname && *constraint.conname ? std::string(constraint.conname) : table.name + "_pkey");
      std::vector<std::string> quoted;
      quoted.reserve(columns.size());
      for (const auto& column : columns) quoted.push_back(quote_identifier(column));
      out.emit(range,
               fmt::format("adding PRIMARY KEY ({}) to {} builds its index from every row{} while holding {}, for a "
                           "time that grows with the table",
                           fmt::join(columns, ", "), table.str(),
                           nullable.empty() ? std::string()
                                            : fmt::format(" and reads every row again to check {} for NULLs",
                                                          fmt::join(nullable, ", ")),
                           lock_phrase(alter->effect)),
               fmt::format("CREATE UNIQUE INDEX CONCURRENTLY {0} ON {1} ({2}) outside a transaction block; {3}; then "
                           "ALTER TABLE {1} ADD CONSTRAINT {0} PRIMARY KEY USING INDEX {0}",
                           index, table.str(), fmt::join(quoted, ", "),
                           nullable.empty() ? std::string("the key columns are NOT NULL already")
                                            : std::string(kNotNullFirst)));
      continue;
    }
    // USING INDEX: instant only when every key column is proven NOT NULL.
    const QualifiedName index_name{table.schema, constraint.indexname};
    const Index* index = ctx.catalog.find_index(index_name);
    if (index && known) {
      const auto nullable = unproven(known, index->columns, pg);
      if (nullable.empty()) continue;
      out.emit(range,
               fmt::format("PRIMARY KEY USING INDEX {} makes {} NOT NULL, and PostgreSQL reads every row of {} to "
                           "check it while holding {}: a hidden full scan, for a time that grows with the table",
                           index_name.str(), fmt::join(nullable, ", "), table.str(), lock_phrase(alter->effect)),
               std::string(kNotNullFirst) + ", before ADD PRIMARY KEY USING INDEX");
      continue;
    }
    Diagnostic& d = out.emit(
        range,
        fmt::format("PRIMARY KEY USING INDEX {} on {}: zdlint does not know whether the key columns are NOT NULL "
                    "({}), so a hidden full scan is assumed: a nullable key column is made NOT NULL by reading every "
                    "row while holding {}",
                    index_name.str(), table.str(),
                    !index ? "the migrations never created the index" : "the migrations never created the table",
                    lock_phrase(alter->effect)),
        std::string(kNotNullFirst) +
            ", before ADD PRIMARY KEY USING INDEX; if they are NOT NULL already, nothing is "
            "scanned and this can be ignored");
    d.severity = Severity::Warning;
  }
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
