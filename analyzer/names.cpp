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

std::vector<QualifiedName> relations_named(const PgQuery__Node* root) {
  std::vector<QualifiedName> result;
  walk_nodes(root, [&](const PgQuery__Node& node) {
    if (node.node_case != PG_QUERY__NODE__NODE_RANGE_VAR) return;
    auto name = qualified_name(node.range_var);
    if (std::find(result.begin(), result.end(), name) == result.end()) result.push_back(std::move(name));
  });
  return result;
}

}  // namespace zdlint
