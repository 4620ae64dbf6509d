// add-column-inline-constraint: a constraint written on the ADD COLUMN itself runs with the
// column's AccessExclusiveLock. An inline CHECK is verified against every row, an inline UNIQUE or
// PRIMARY KEY builds its index, and an inline REFERENCES locks the referenced table in
// ShareRowExclusiveLock (and checks every row when the column has a default).
#include <fmt/format.h>

#include <algorithm>

#include "parser/sql_text.h"
#include "rules/alter_table_parts.h"
#include "rules/messages.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

bool is_null_constant(const PgQuery__Node* expr) {
  return expr && expr->node_case == PG_QUERY__NODE__NODE_A_CONST && expr->a_const->isnull;
}

// A DEFAULT that is not NULL, or a serial/identity/generated column: existing rows get a value.
bool existing_rows_get_a_value(const PgQuery__ColumnDef& column) {
  if (is_serial_type(sql_type(column.type_name))) return true;
  for (size_t i = 0; i < column.n_constraints; ++i) {
    const auto* node = column.constraints[i];
    if (node->node_case != PG_QUERY__NODE__NODE_CONSTRAINT) continue;
    const auto& constraint = *node->constraint;
    if (constraint.contype == PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT && !is_null_constant(constraint.raw_expr))
      return true;
    if (constraint.contype == PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY ||
        constraint.contype == PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED)
      return true;
  }
  return false;
}

// From the constraint's first token to the last token before the next constraint of the column
// (or the end of the ADD COLUMN clause).
ByteRange constraint_range(const Statement& stmt, const PgQuery__ColumnDef& column, size_t index) {
  const uint32_t begin = stmt.file_offset(column.constraints[index]->constraint->location);
  const ByteRange clause = clause_range(stmt, begin);
  uint32_t limit = clause.end;
  for (size_t k = index + 1; k < column.n_constraints; ++k) {
    if (column.constraints[k]->node_case != PG_QUERY__NODE__NODE_CONSTRAINT) continue;
    const int32_t location = column.constraints[k]->constraint->location;
    if (location < 0) continue;
    const uint32_t next = stmt.file_offset(location);
    if (next > begin) {
      limit = std::min(limit, next);
      break;
    }
  }
  ByteRange range{begin, begin};
  for (const auto& token : stmt.tokens) {
    if (token.is_comment() || token.begin < begin) continue;
    if (token.end > limit) break;
    range.end = token.end;
  }
  return range.end > range.begin ? range : clause;
}

void check(const StatementContext& ctx, Emitter& out) {
  const auto& alter = alter_of_pre_existing_table(ctx);
  if (!alter) return;
  const QualifiedName& table = alter->table;
  const LockEffect& effect = alter->effect;
  for (const PgQuery__ColumnDef& column : alter->added_columns(ctx.catalog)) {
    if (!column.colname) continue;
    const std::string name = column.colname;
    const bool valued = existing_rows_get_a_value(column);
    for (size_t k = 0; k < column.n_constraints; ++k) {
      if (column.constraints[k]->node_case != PG_QUERY__NODE__NODE_CONSTRAINT) continue;
      const auto& constraint = *column.constraints[k]->constraint;
      const ByteRange range = constraint_range(ctx.stmt, column, k);
      const bool named = constraint.conname && *constraint.conname;
      switch (constraint.contype) {
        case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK:
          out.emit(range,
                   fmt::format("the inline CHECK on new column \"{}\" is verified against every existing row of {} "
                               "while the ADD COLUMN holds {}, for a time that grows with the table",
                               name, table.str(), lock_phrase(effect)),
                   "add the column without the CHECK, then add it as a table constraint with ADD CONSTRAINT ... "
                   "CHECK (...) NOT VALID and run VALIDATE CONSTRAINT in a separate transaction "
                   "(ShareUpdateExclusiveLock: reads and writes continue)");
          break;
        case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE: {
          const std::string index =
              named ? std::string(constraint.conname) : constraint_index_name(ctx.catalog, table, {name}, "key");
          out.emit(range,
                   fmt::format("the inline UNIQUE on new column \"{}\" builds the unique index {} from every row of {} "
                               "while the ADD COLUMN holds {}, for a time that grows with the table (CREATE UNIQUE "
                               "INDEX CONCURRENTLY would let reads and writes continue)",
                               name, index, table.str(), lock_phrase(effect)),
                   fmt::format("add the column without UNIQUE, run CREATE UNIQUE INDEX CONCURRENTLY {} ON {} ({}) "
                               "outside a transaction block, then ALTER TABLE {} ADD CONSTRAINT {} UNIQUE USING INDEX "
                               "{}",
                               index, table.str(), name, table.str(), index, index));
          break;
        }
        case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY: {
          const std::string index = named ? std::string(constraint.conname) : table.name + "_pkey";
          Diagnostic& d = out.emit(
              range,
              fmt::format("the inline PRIMARY KEY on new column \"{}\" builds the index {} from every row of {} while "
                          "the ADD COLUMN holds {}, for a time that grows with the table",
                          name, index, table.str(), lock_phrase(effect)),
              "add the column without PRIMARY KEY and fill it, run CREATE UNIQUE INDEX CONCURRENTLY on it, make it NOT "
              "NULL through a validated CHECK (col IS NOT NULL), then ADD CONSTRAINT ... PRIMARY KEY USING INDEX");
          if (!valued)
            d.notes.push_back(
                {"the new column is NULL in every existing row, so on a table with rows the statement "
                 "fails after the work",
                 std::nullopt});
          break;
        }
        case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN: {
          if (!constraint.pktable) break;
          const QualifiedName parent = qualified_name(constraint.pktable);
          const LockEffect* parent_effect = ctx.effects.find(parent);
          if (parent == table || !parent_effect) break;
          if (valued) {
            out.emit(range,
                     fmt::format("the inline REFERENCES {} on new column \"{}\" checks every existing row of {} "
                                 "against {}, since the column has a value in every row, while holding {} and {}",
                                 parent.str(), name, table.str(), parent.str(), lock_phrase(effect),
                                 lock_phrase(*parent_effect)),
                     "add the column without REFERENCES, then ADD CONSTRAINT ... FOREIGN KEY ... NOT VALID and run "
                     "VALIDATE CONSTRAINT in a separate transaction");
          } else {
            Diagnostic& d = out.emit(
                range,
                fmt::format(
                    "the inline REFERENCES {} on new column \"{}\" takes {} until the transaction ends (there is "
                    "no scan: the new column is NULL in every row)",
                    parent.str(), name, lock_phrase(*parent_effect)),
                fmt::format("keep the transaction short and SET lock_timeout first, so the lock request on {} cannot "
                            "queue behind a long transaction and stall its writers; or add the column, then the "
                            "foreign key NOT VALID, in separate short transactions",
                            parent.str()));
            d.severity = Severity::Warning;
          }
          break;
        }
        default:
          break;
      }
    }
  }
}

}  // namespace

const Rule& add_column_inline_constraint_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "add-column-inline-constraint",
              .category = "lock",
              .severity = Severity::Error,
              .summary = "UNIQUE, PRIMARY KEY, CHECK or REFERENCES on ADD COLUMN does its work under the column's "
                         "AccessExclusiveLock",
              .rationale = "An inline CHECK scans every row and an inline UNIQUE or PRIMARY KEY builds an index, both "
                           "while ADD COLUMN holds AccessExclusiveLock on the table (reads and writes blocked). An "
                           "inline REFERENCES takes ShareRowExclusiveLock on the referenced table, blocking its "
                           "writes, and scans the table when the column has a default. None of them can be made NOT "
                           "VALID or CONCURRENTLY in this form.",
              .alternative = "Add the bare column; add the constraint separately: CHECK and FOREIGN KEY as NOT VALID "
                             "then VALIDATE, UNIQUE and PRIMARY KEY through CREATE UNIQUE INDEX CONCURRENTLY and "
                             "USING INDEX.",
              .equivalents = {.squawk = "adding-foreign-key-constraint, disallowed-unique-constraint, "
                                        "adding-serial-primary-key-field",
                              .eugene = "E1, E7",
                              .strong_migrations = "add_reference"},
          },
      .check = check,
  };
  return rule;
}

}  // namespace zdlint
