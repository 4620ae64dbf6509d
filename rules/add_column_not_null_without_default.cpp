// add-column-not-null-without-default: ADD COLUMN ... NOT NULL (or PRIMARY KEY) with nothing that
// fills the existing rows fails on any table that has a row: "column ... contains null values".
// A DEFAULT, an identity, a stored generated column or a serial type fill them and are fine here.
#include <fmt/format.h>

#include "parser/sql_text.h"
#include "rules/alter_table_parts.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

struct ColumnFacts {
  bool not_null = false;
  bool primary_key = false;
  bool filled = false;  // existing rows get a value: DEFAULT, identity, generated
};

ColumnFacts facts_of(const PgQuery__ColumnDef& column) {
  ColumnFacts facts;
  facts.filled = is_serial_type(sql_type(column.type_name));
  for (size_t i = 0; i < column.n_constraints; ++i) {
    if (column.constraints[i]->node_case != PG_QUERY__NODE__NODE_CONSTRAINT) continue;
    const auto& constraint = *column.constraints[i]->constraint;
    switch (constraint.contype) {
      case PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL: facts.not_null = true; break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY: facts.primary_key = true; break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY:
      case PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED: facts.filled = true; break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT: {
        const PgQuery__Node* expr = constraint.raw_expr;
        const bool null_default = expr && expr->node_case == PG_QUERY__NODE__NODE_A_CONST && expr->a_const->isnull;
        if (!null_default) facts.filled = true;
        break;
      }
      default: break;
    }
  }
  return facts;
}

void check(const StatementContext& ctx, Emitter& out) {
  const auto& alter = alter_of_pre_existing_table(ctx);
  if (!alter) return;
  for (const PgQuery__ColumnDef& column : alter->added_columns(ctx.catalog)) {
    if (!column.colname) continue;
    const ColumnFacts facts = facts_of(column);
    if (facts.filled || (!facts.not_null && !facts.primary_key)) continue;
    const char* form = facts.primary_key ? "PRIMARY KEY" : "NOT NULL";
    out.emit(
        clause_range(ctx.stmt, ctx.stmt.file_offset(column.location)),
        fmt::format("adding column \"{}\" {} without a DEFAULT to {} fails as soon as the table has a row (ERROR: column "
                    "\"{}\" of relation \"{}\" contains null values): every existing row would get NULL; "
                    "the failed statement still waits for and holds AccessExclusiveLock on the table",
                    column.colname, form, alter->table.str(), column.colname, alter->table.name),
        fmt::format("add the column nullable, backfill it in batches, then add CHECK ({} IS NOT NULL) NOT VALID, "
                    "VALIDATE it and SET NOT NULL; or give it a constant DEFAULT{}",
                    quote_identifier(column.colname),
                    ctx.settings.pg_version >= 11 ? " (stored without a rewrite since PostgreSQL 11)"
                                                  : " (before PostgreSQL 11 that rewrites the table)"));
  }
}

}  // namespace

const Rule& add_column_not_null_without_default_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "add-column-not-null-without-default",
              .category = "correctness",
              .severity = Severity::Error,
              .summary = "ADD COLUMN ... NOT NULL without a DEFAULT fails on an existing table that has rows",
              .rationale = "PostgreSQL fills the new column of every existing row with its default, NULL when "
                           "there is none, so the NOT NULL check fails with \"contains null values\" on any "
                           "non-empty table and the migration aborts.",
              .alternative = "Add the column nullable, backfill, then CHECK (col IS NOT NULL) NOT VALID, VALIDATE, "
                             "SET NOT NULL; or add it with a constant DEFAULT.",
              .equivalents = {.squawk = "adding-required-field", .pgfence = "add-column-not-null-no-default"},
          },
      .check = check,
  };
  return rule;
}

}  // namespace zdlint
