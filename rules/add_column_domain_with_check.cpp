// add-column-domain-with-check: ADD COLUMN whose type is a domain with a CHECK (or NOT NULL)
// constraint rewrites the whole table under AccessExclusiveLock, even with no default: PostgreSQL
// evaluates the domain's constraints against the new column's value in every row.
#include <fmt/format.h>

#include "parser/sql_text.h"
#include "rules/alter_table_parts.h"
#include "rules/messages.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

struct ConstrainedDomain {
  const Domain* named = nullptr;        // the column's type
  const Domain* constrained = nullptr;  // the domain in its chain that carries the constraints
  SqlType base;                         // the type at the bottom of the chain
};

// The domain the column is declared with and, following domains over domains, the first one with a
// CHECK or NOT NULL constraint (PostgreSQL's DomainHasConstraints walks the same chain).
std::optional<ConstrainedDomain> constrained_domain(const SqlType& type, const Catalog& catalog) {
  if (type.array) return std::nullopt;  // an array of a domain is not itself a domain
  const Domain* named = catalog.find_domain(type.qualified_name());
  const Domain* constrained = nullptr;
  SqlType base = type;
  const Domain* domain = named;
  for (int depth = 0; domain && depth < 32; ++depth) {
    if (!constrained && (!domain->checks.empty() || domain->not_null)) constrained = domain;
    base = domain->base;
    domain = base.array ? nullptr : catalog.find_domain(base.qualified_name());
  }
  if (!constrained) return std::nullopt;
  return ConstrainedDomain{named, constrained, base};
}

bool has_non_null_default(const PgQuery__ColumnDef& column) {
  for (size_t i = 0; i < column.n_constraints; ++i) {
    const auto* node = column.constraints[i];
    if (node->node_case != PG_QUERY__NODE__NODE_CONSTRAINT) continue;
    const auto& constraint = *node->constraint;
    if (constraint.contype != PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT) continue;
    const auto* expr = constraint.raw_expr;
    if (!(expr && expr->node_case == PG_QUERY__NODE__NODE_A_CONST && expr->a_const->isnull)) return true;
  }
  return false;
}

// "and rebuilds its indexes a, b", from the history (the lock model does not see every constrained
// domain as a rewrite: NOT NULL domains and domains over domains).
std::string rebuilt_indexes(const Catalog& catalog, const LockEffect& table) {
  if (!table.known) return " and rebuilds every index on it";
  std::vector<std::string> names;
  for (const Index* index : catalog.indexes_of(table.relation)) names.push_back(index->name.str());
  if (names.empty()) return "";
  return rebuilds_indexes_phrase(names);
}

std::string constraints_text(const Domain& domain) {
  std::string text;
  if (!domain.checks.empty())
    text = fmt::format("{} {}", domain.checks.size() == 1 ? "CHECK constraint" : "CHECK constraints",
                       join_names(domain.checks.names()));
  if (domain.not_null) text += text.empty() ? "a NOT NULL constraint" : " and a NOT NULL constraint";
  return text;
}

void check(const StatementContext& ctx, Emitter& out) {
  const auto& alter = alter_of_pre_existing_table(ctx);
  if (!alter) return;
  const LockEffect& effect = alter->effect;
  for (const PgQuery__ColumnDef& column : alter->added_columns(ctx.catalog)) {
    const SqlType type = sql_type(column.type_name);
    const auto domain = constrained_domain(type, ctx.catalog);
    if (!domain) continue;
    const std::string name = column.colname ? column.colname : "?";
    const std::string via = domain->named == domain->constrained
                                ? std::string()
                                : fmt::format(" (a domain over {})", domain->constrained->name.str());
    Diagnostic& d = out.emit(
        clause_range(ctx.stmt, ctx.stmt.file_offset(column.location)),
        fmt::format("adding column \"{}\" of domain {}{}, which has {}, rewrites the whole table {}{} while holding "
                    "{}: PostgreSQL checks the domain's constraints against every existing row by rewriting it, "
                    "even {}",
                    name, domain->named->name.str(), via, constraints_text(*domain->constrained), alter->table.str(),
                    rebuilt_indexes(ctx.catalog, effect), lock_phrase(effect),
                    has_non_null_default(column) ? "when the default satisfies them" : "with no default"),
        fmt::format("add the column with the domain's base type ({}) instead, which is a catalog-only change, and "
                    "put the rule on the table: ADD CONSTRAINT ... CHECK (...) NOT VALID, then VALIDATE CONSTRAINT in "
                    "a separate transaction",
                    domain->base.str()));
    if (domain->constrained->not_null && !has_non_null_default(column))
      d.notes.push_back(
          {"the domain is NOT NULL and the column has no default: on a table with rows the statement "
           "fails after the rewrite, since every existing row would hold NULL",
           std::nullopt});
  }
}

}  // namespace

const Rule& add_column_domain_with_check_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "add-column-domain-with-check",
              .category = "rewrite",
              .severity = Severity::Error,
              .summary = "ADD COLUMN of a domain type with a CHECK or NOT NULL constraint rewrites the table under "
                         "AccessExclusiveLock",
              .rationale = "When the new column's type is a domain with constraints, PostgreSQL evaluates them for "
                           "every existing row by rewriting the whole table and rebuilding its indexes, while "
                           "holding AccessExclusiveLock, even when the column has no default.",
              .alternative = "Add the column with the domain's base type and a table CHECK constraint added NOT "
                             "VALID, then VALIDATE CONSTRAINT separately.",
          },
      .check = check,
  };
  return rule;
}

}  // namespace zdlint
