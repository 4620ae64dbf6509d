#pragma once
// Schema-qualified names of database objects, as PostgreSQL resolves them.
#include <pg_query/pg_query.pb-c.h>

#include <compare>
#include <string>
#include <string_view>

#include "parser/node_walk.h"  // string_value

namespace zdlint {

struct QualifiedName {
  std::string schema;  // "public" when the SQL leaves it out
  std::string name;
  [[nodiscard]] std::string str() const { return schema + "." + name; }
  friend auto operator<=>(const QualifiedName&, const QualifiedName&) = default;
};

QualifiedName qualified_name(const PgQuery__RangeVar* relation);
// A name given as a list of String nodes (function names, DROP object names).
QualifiedName qualified_name(PgQuery__Node* const* parts, size_t n_parts);

}  // namespace zdlint
