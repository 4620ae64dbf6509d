// add-column-volatile-default: ADD COLUMN whose value must be computed row by row (a volatile
// default, a serial or identity column, a stored generated column) rewrites the whole table and
// rebuilds every index under AccessExclusiveLock. Since PostgreSQL 11 a non-volatile default is
// stored in the catalog and costs nothing; before 11 every non-NULL default rewrote the table.
// (A domain with constraints also forces the rewrite: add-column-domain-with-check.)
#include <fmt/format.h>

#include "parser/sql_text.h"
#include "rules/alter_table_parts.h"
#include "rules/messages.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

bool is_null_constant(const PgQuery__Node* expr) {
  return expr && expr->node_case == PG_QUERY__NODE__NODE_A_CONST && expr->a_const->isnull;
}

struct Finding {
  std::string why;  // what makes PostgreSQL compute a value per row
  std::optional<std::string> note;
};

std::optional<Finding> per_row_value(const PgQuery__ColumnDef& column, const StatementContext& ctx) {
  const SqlType type = sql_type(column.type_name);
  if (is_serial_type(type))
    return Finding{fmt::format("a {} column, whose default nextval() is VOLATILE,", type.name), std::nullopt};
  std::optional<Finding> non_null_default;
  for (size_t i = 0; i < column.n_constraints; ++i) {
    const auto* node = column.constraints[i];
    if (node->node_case != PG_QUERY__NODE__NODE_CONSTRAINT) continue;
    const auto& constraint = *node->constraint;
    if (constraint.contype == PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY)
      return Finding{"an identity column, whose values come from a sequence (nextval() is VOLATILE),", std::nullopt};
    if (constraint.contype == PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED)
      return Finding{
          "a stored generated column (GENERATED ALWAYS AS (...) STORED), whose value is computed and "
          "stored for every row,",
          std::nullopt};
    if (constraint.contype != PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT || is_null_constant(constraint.raw_expr)) continue;
    const auto volatility = expression_volatility(constraint.raw_expr, ctx.catalog);
    if (volatility.volatility == Volatility::Volatile) {
      Finding finding{fmt::format("a DEFAULT that calls {}(), which is VOLATILE,", volatility.function), std::nullopt};
      if (volatility.assumed)
        finding.note = fmt::format(
            "zdlint knows no function {}(); CREATE FUNCTION makes functions VOLATILE unless "
            "they say STABLE or IMMUTABLE, so that was assumed",
            volatility.function);
      return finding;
    }
    if (ctx.settings.pg_version < 11)
      non_null_default = Finding{fmt::format("a non-NULL DEFAULT on PostgreSQL {} (only from PostgreSQL 11 on is a "
                                             "non-volatile default stored without a rewrite)",
                                             ctx.settings.pg_version),
                                 std::nullopt};
  }
  return non_null_default;
}

// "and rebuilds its indexes a, b" from the lock model's index effects.
std::string rebuilt_indexes(const StatementEffects& effects, const LockEffect& table) {
  std::vector<std::string> names;
  for (const auto& effect : effects.effects)
    if (effect.kind == RelationKind::Index && effect.index_rebuilt) names.push_back(effect.relation.str());
  if (!table.known) return " and rebuilds every index on it";
  if (names.empty()) return "";
  return rebuilds_indexes_phrase(names);
}

void check(const StatementContext& ctx, Emitter& out) {
  const auto& alter = alter_of_pre_existing_table(ctx);
  if (!alter) return;
  for (const PgQuery__ColumnDef& column : alter->added_columns(ctx.catalog)) {
    const auto finding = per_row_value(column, ctx);
    if (!finding) continue;
    Diagnostic& d = out.emit(
        clause_range(ctx.stmt, ctx.stmt.file_offset(column.location)),
        fmt::format("adding column \"{}\" with {} rewrites the whole table {}{} while holding {} until every row has "
                    "been rewritten",
                    column.colname ? column.colname : "?", finding->why, alter->table.str(),
                    rebuilt_indexes(ctx.effects, alter->effect), lock_phrase(alter->effect)),
        "add the column without a default (or with a constant one), set the default for new rows with ALTER "
        "COLUMN ... SET DEFAULT, then backfill existing rows in batches");
    if (finding->note) d.notes.push_back({*finding->note, std::nullopt});
  }
}

}  // namespace

const Rule& add_column_volatile_default_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "add-column-volatile-default",
              .category = "rewrite",
              .severity = Severity::Error,
              .summary = "ADD COLUMN with a volatile default, serial, identity or stored generated column rewrites "
                         "the table under AccessExclusiveLock",
              .rationale = "A volatile default (random(), clock_timestamp(), gen_random_uuid(), nextval(), serial, "
                           "identity) or a stored generated column must be computed for every existing row, so "
                           "PostgreSQL rewrites the table and rebuilds its indexes while holding AccessExclusiveLock. "
                           "Non-volatile defaults such as now() are free since PostgreSQL 11.",
              .alternative = "Add the column without a volatile default, SET DEFAULT for new rows, backfill in "
                             "batches.",
              .equivalents = {.squawk = "adding-field-with-default",
                              .eugene = "E11",
                              .strong_migrations = "add_column_default, add_column_default_callable, "
                                                   "add_column_auto_incrementing, add_column_generated_stored",
                              .pgfence = "add-column-non-constant-default, add-column-serial, "
                                         "add-column-stored-generated"},
          },
      .check = check,
  };
  return rule;
}

}  // namespace zdlint
