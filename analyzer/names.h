#pragma once
// Schema-qualified names of database objects, as PostgreSQL resolves them.
#include <pg_query/pg_query.pb-c.h>

#include <compare>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parser/node_walk.h"  // string_value

namespace zdlint {

struct QualifiedName {
  std::string schema;  // "public" when the SQL leaves it out
  std::string name;
  [[nodiscard]] std::string str() const { return schema + "." + name; }
  friend auto operator<=>(const QualifiedName&, const QualifiedName&) = default;
};

// For the catalog's hash maps: a lookup by name costs the same however long the history.
struct QualifiedNameHash {
  size_t operator()(const QualifiedName& n) const noexcept {
    const size_t schema = std::hash<std::string>{}(n.schema);
    return std::hash<std::string>{}(n.name) ^ (schema + 0x9e3779b97f4a7c15ULL + (schema << 6) + (schema >> 2));
  }
};

QualifiedName qualified_name(const PgQuery__RangeVar* relation);
// A name given as a list of String nodes (function names, DROP object names).
QualifiedName qualified_name(PgQuery__Node* const* parts, size_t n_parts);
// A name given as a List node of String nodes (DROP objects, COMMENT ON objects).
QualifiedName qualified_name(const PgQuery__Node* list);

// The texts of a list of String nodes (column lists), skipping anything else.
std::vector<std::string> string_list(PgQuery__Node* const* items, size_t n_items);

// A sequence named by a string literal, as nextval('s') and setval('schema.s', …) take it.
std::optional<QualifiedName> sequence_literal(const PgQuery__Node* arg);

// Every table, view or sequence a statement or query names (FROM lists, subqueries, targets).
std::vector<QualifiedName> relations_named(const PgQuery__Node* root);

}  // namespace zdlint
