#include "analyzer/names.h"

#include <algorithm>

namespace zdlint {

QualifiedName qualified_name(const PgQuery__RangeVar* relation) {
  if (!relation) return {"public", ""};
  const bool has_schema = relation->schemaname && *relation->schemaname;
  return {has_schema ? relation->schemaname : "public", relation->relname ? relation->relname : ""};
}

QualifiedName qualified_name(PgQuery__Node* const* parts, size_t n_parts) {
  if (n_parts == 0) return {"public", ""};
  const std::string name(string_value(parts[n_parts - 1]));
  if (n_parts >= 2) return {std::string(string_value(parts[n_parts - 2])), name};
  return {"public", name};
}

QualifiedName qualified_name(const PgQuery__Node* list) {
  if (!list) return {"public", ""};
  if (list->node_case == PG_QUERY__NODE__NODE_LIST) return qualified_name(list->list->items, list->list->n_items);
  if (list->node_case == PG_QUERY__NODE__NODE_STRING) return {"public", std::string(string_value(list))};
  return {"public", ""};
}

std::vector<std::string> string_list(PgQuery__Node* const* items, size_t n_items) {
  std::vector<std::string> result;
  for (size_t i = 0; i < n_items; ++i)
    if (items[i]->node_case == PG_QUERY__NODE__NODE_STRING) result.emplace_back(string_value(items[i]));
  return result;
}

std::optional<QualifiedName> sequence_literal(const PgQuery__Node* arg) {
  if (arg && arg->node_case == PG_QUERY__NODE__NODE_TYPE_CAST) arg = arg->type_cast->arg;  // 's'::regclass
  if (!arg || arg->node_case != PG_QUERY__NODE__NODE_A_CONST || arg->a_const->val_case != PG_QUERY__A__CONST__VAL_SVAL)
    return std::nullopt;
  const std::string text = arg->a_const->sval->sval;
  const auto dot = text.find('.');
  if (dot == std::string::npos) return QualifiedName{"public", text};
  return QualifiedName{text.substr(0, dot), text.substr(dot + 1)};
}

std::vector<QualifiedName> relations_named(const PgQuery__Node* root, const PgQuery__WithClause* with) {
  std::vector<QualifiedName> result;
  for (RelationNamed& named : relations_named_with_only(root, with)) result.push_back(std::move(named.name));
  return result;
}

std::vector<RelationNamed> relations_named_with_only(const PgQuery__Node* root, const PgQuery__WithClause* with) {
  std::vector<const PgQuery__RangeVar*> named;             // in the statement's order
  std::vector<std::string_view> common_table_expressions;  // WITH x AS (…): an unqualified `x` is no relation
  for (size_t i = 0; with && i < with->n_ctes; ++i)
    if (with->ctes[i]->node_case == PG_QUERY__NODE__NODE_COMMON_TABLE_EXPR && with->ctes[i]->common_table_expr->ctename)
      common_table_expressions.emplace_back(with->ctes[i]->common_table_expr->ctename);
  // A query's WITH clause comes after its FROM list in the tree: the names are known only once the
  // whole statement is walked.
  walk_nodes(root, [&](const PgQuery__Node& node) {
    if (node.node_case == PG_QUERY__NODE__NODE_RANGE_VAR)
      named.push_back(node.range_var);
    else if (node.node_case == PG_QUERY__NODE__NODE_COMMON_TABLE_EXPR && node.common_table_expr->ctename)
      common_table_expressions.emplace_back(node.common_table_expr->ctename);
  });
  std::vector<RelationNamed> result;
  for (const PgQuery__RangeVar* range_var : named) {
    const bool unqualified = !range_var->schemaname || !*range_var->schemaname;
    if (unqualified && range_var->relname &&
        std::find(common_table_expressions.begin(), common_table_expressions.end(), range_var->relname) !=
            common_table_expressions.end())
      continue;
    auto name = qualified_name(range_var);
    const auto seen =
        std::find_if(result.begin(), result.end(), [&](const RelationNamed& r) { return r.name == name; });
    if (seen == result.end())
      result.push_back({std::move(name), range_var->inh != 0});
    else
      seen->with_descendants = seen->with_descendants || range_var->inh != 0;
  }
  return result;
}

}  // namespace zdlint
