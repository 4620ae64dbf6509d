#include "analyzer/catalog.h"

#include <algorithm>

namespace zdlint {
namespace {

template <typename Map>
const typename Map::mapped_type* find_in(const Map& map, const QualifiedName& name) {
  const auto it = map.find(name);
  return it == map.end() ? nullptr : &it->second;
}

}  // namespace

std::string_view to_string(RelationKind kind) {
  switch (kind) {
    case RelationKind::Table: return "table";
    case RelationKind::PartitionedTable: return "partitioned table";
    case RelationKind::View: return "view";
    case RelationKind::MaterializedView: return "materialized view";
    case RelationKind::Index: return "index";
    case RelationKind::Sequence: return "sequence";
  }
  return "table";
}

std::string type_name_text(const PgQuery__TypeName* type) {
  if (!type) return {};
  std::string text;
  for (size_t i = 0; i < type->n_names; ++i) {
    if (i) text += '.';
    text += string_value(type->names[i]);
  }
  if (type->n_array_bounds) text += "[]";
  return text;
}

std::string default_index_name(const std::string& table, const std::vector<std::string>& columns,
                               std::string_view suffix) {
  std::string name = table;
  for (const auto& column : columns) name += "_" + (column.empty() ? std::string("expr") : column);
  name += "_";
  name += suffix;
  return name;
}

std::vector<std::string> index_columns(const PgQuery__IndexStmt& stmt) {
  std::vector<std::string> columns;
  for (size_t i = 0; i < stmt.n_index_params; ++i)
    if (stmt.index_params[i]->node_case == PG_QUERY__NODE__NODE_INDEX_ELEM)
      columns.emplace_back(stmt.index_params[i]->index_elem->name ? stmt.index_params[i]->index_elem->name : "");
  return columns;
}

QualifiedName index_name(const PgQuery__IndexStmt& stmt) {
  const auto table = qualified_name(stmt.relation);
  if (stmt.idxname && *stmt.idxname) return {table.schema, stmt.idxname};
  return {table.schema, default_index_name(table.name, index_columns(stmt), "idx")};
}

const Column* Table::column(std::string_view column_name) const {
  const auto it = std::find_if(columns.begin(), columns.end(), [&](const Column& c) { return c.name == column_name; });
  return it == columns.end() ? nullptr : &*it;
}

const Constraint* Table::constraint(std::string_view constraint_name) const {
  const auto it = std::find_if(constraints.begin(), constraints.end(),
                               [&](const Constraint& c) { return c.name == constraint_name; });
  return it == constraints.end() ? nullptr : &*it;
}

const Table* Catalog::find_table(const QualifiedName& name) const { return find_in(tables_, name); }
const Table* Catalog::find_table_facts(const QualifiedName& name) const {
  if (const Table* table = find_table(name)) return table;
  return find_in(partial_tables_, name);
}

const Index* Catalog::find_index(const QualifiedName& name) const { return find_in(indexes_, name); }
const Sequence* Catalog::find_sequence(const QualifiedName& name) const { return find_in(sequences_, name); }
const Domain* Catalog::find_domain(const QualifiedName& name) const { return find_in(domains_, name); }
const EnumType* Catalog::find_enum(const QualifiedName& name) const { return find_in(enums_, name); }

bool Catalog::has_extension(std::string_view name) const { return extensions_.find(name) != extensions_.end(); }

std::optional<Volatility> Catalog::function_volatility(const QualifiedName& name) const {
  const Function* function = find_in(functions_, name);
  if (!function) return std::nullopt;
  return function->volatility;
}

std::optional<RelationKind> Catalog::relation_kind(const QualifiedName& name) const {
  if (const Table* table = find_table(name)) return table->kind;
  if (find_index(name)) return RelationKind::Index;
  if (find_sequence(name)) return RelationKind::Sequence;
  return std::nullopt;
}

std::vector<const Index*> Catalog::indexes_of(const QualifiedName& table) const {
  std::vector<const Index*> result;
  for (const auto& [name, index] : indexes_)
    if (index.table == table) result.push_back(&index);
  return result;
}

std::vector<const Table*> Catalog::tables_referencing(const QualifiedName& table) const {
  std::vector<const Table*> result;
  for (const auto& [name, candidate] : tables_) {
    const bool references = std::any_of(candidate.constraints.begin(), candidate.constraints.end(), [&](const auto& c) {
      return c.kind == ConstraintKind::ForeignKey && c.references == table;
    });
    if (references) result.push_back(&candidate);
  }
  return result;
}

std::vector<const Table*> Catalog::tables_using_domain(const QualifiedName& domain) const {
  return tables_using_type(domain);
}

std::vector<const Table*> Catalog::tables_using_type(const QualifiedName& type) const {
  std::vector<const Table*> result;
  for (const auto& [name, table] : tables_) {
    const bool uses = std::any_of(table.columns.begin(), table.columns.end(), [&](const Column& c) {
      return c.type.name == type.name && (c.type.schema.empty() ? "public" : c.type.schema) == type.schema;
    });
    if (uses) result.push_back(&table);
  }
  return result;
}

std::vector<const Table*> Catalog::views_depending_on(const QualifiedName& relation) const {
  std::vector<const Table*> result;
  std::vector<QualifiedName> pending{relation};
  while (!pending.empty()) {
    const QualifiedName reached = std::move(pending.back());
    pending.pop_back();
    for (const auto& [name, table] : tables_) {
      if (table.kind != RelationKind::View && table.kind != RelationKind::MaterializedView) continue;
      if (std::find(table.reads.begin(), table.reads.end(), reached) == table.reads.end()) continue;
      if (name == relation || std::find(result.begin(), result.end(), &table) != result.end()) continue;
      result.push_back(&table);
      pending.push_back(name);
    }
  }
  return result;
}

std::vector<const Table*> Catalog::relations_in_schema(std::string_view schema) const {
  std::vector<const Table*> result;
  for (const auto& [name, table] : tables_)
    if (name.schema == schema) result.push_back(&table);
  return result;
}

bool Catalog::table_created_in_file(const QualifiedName& name, FileId file) const {
  const Table* table = find_table(name);
  return table && table->origin.file == file;
}

}  // namespace zdlint
