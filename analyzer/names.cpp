#include "analyzer/names.h"

namespace zdlint {

std::string_view string_value(const PgQuery__Node* node) {
  if (node && node->node_case == PG_QUERY__NODE__NODE_STRING && node->string && node->string->sval)
    return node->string->sval;
  return {};
}

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

}  // namespace zdlint
