// add-unique-constraint: ALTER TABLE ... ADD CONSTRAINT ... UNIQUE (cols) builds the unique index
// while holding AccessExclusiveLock, so reads stop too (a plain CREATE UNIQUE INDEX takes only
// ShareLock, and CONCURRENTLY lets writes continue). The safe form builds the index concurrently and
// attaches it with UNIQUE USING INDEX.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "parser/sql_text.h"
#include "rules/alter_table_parts.h"
#include "rules/messages.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

void check(const StatementContext& ctx, Emitter& out) {
  const auto& alter = alter_of_pre_existing_table(ctx);
  if (!alter) return;
  const QualifiedName& table = alter->table;
  for (const PgQuery__Constraint& constraint : alter->added_constraints()) {
    if (constraint.contype != PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE) continue;
    if (constraint.indexname && *constraint.indexname) continue;  // USING INDEX: the index exists already
    const Table* known = ctx.catalog.find_table(table);
    const auto raw_columns = string_list(constraint.keys, constraint.n_keys);
    const std::string index_name = constraint.conname && *constraint.conname
                                       ? std::string(constraint.conname)
                                       : constraint_index_name(ctx.catalog, table, raw_columns, "key");
    const std::string index = quote_identifier(index_name);
    std::vector<std::string> columns, including;
    for (const auto& column : raw_columns) columns.push_back(quote_identifier(column));
    for (const auto& column : string_list(constraint.including, constraint.n_including))
      including.push_back(quote_identifier(column));
    const std::string create =
        fmt::format("CREATE UNIQUE INDEX CONCURRENTLY {} ON {} ({}){}{}", index, table.str(), fmt::join(columns, ", "),
                    including.empty() ? "" : fmt::format(" INCLUDE ({})", fmt::join(including, ", ")),
                    constraint.nulls_not_distinct ? " NULLS NOT DISTINCT" : "");
    const bool partitioned = known && known->kind == RelationKind::PartitionedTable;
    out.emit(add_clause_range(ctx.stmt, ctx.stmt.file_offset(constraint.location)),
             fmt::format("adding UNIQUE constraint {} to {} builds its unique index from every row while holding {}, "
                         "for a time that grows with the table (CREATE UNIQUE INDEX would take only ShareLock, and "
                         "CONCURRENTLY lets writes continue too)",
                         index_name, table.str(), lock_phrase(alter->effect)),
             partitioned
                 ? fmt::format("{} is partitioned, where neither CONCURRENTLY nor USING INDEX is allowed: on each "
                               "partition, CREATE UNIQUE INDEX CONCURRENTLY and ADD CONSTRAINT ... UNIQUE USING INDEX "
                               "first; this ADD CONSTRAINT then attaches those constraints instead of building indexes",
                               table.str())
                 : fmt::format("{} outside a transaction block, then ALTER TABLE {} ADD CONSTRAINT {} UNIQUE USING "
                               "INDEX {} (a catalog-only change)",
                               create, table.str(), index, index));
  }
}

}  // namespace

const Rule& add_unique_constraint_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "add-unique-constraint",
              .category = "lock",
              .severity = Severity::Error,
              .summary = "ADD CONSTRAINT ... UNIQUE builds its index under AccessExclusiveLock, blocking reads and "
                         "writes",
              .rationale = "ALTER TABLE ... ADD CONSTRAINT ... UNIQUE (cols) builds the unique index while holding "
                           "AccessExclusiveLock on the table, so SELECT, INSERT, UPDATE and DELETE all wait for a "
                           "time proportional to its size. CREATE UNIQUE INDEX alone would take ShareLock (reads "
                           "continue), and CONCURRENTLY lets writes continue as well.",
              .alternative = "CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT ... UNIQUE USING INDEX.",
              .equivalents = {.squawk = "disallowed-unique-constraint",
                              .eugene = "E7",
                              .strong_migrations = "add_unique_constraint",
                              .pgfence = "add-constraint-unique"},
          },
      .check = check,
  };
  return rule;
}

}  // namespace zdlint
