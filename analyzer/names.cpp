#include "analyzer/names.h"

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

}  // namespace zdlint
