#include "analyzer/catalog.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <unordered_set>

#include "analyzer/object_names.h"

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
  return make_object_name(table, columns_name_part(columns), suffix);
}

namespace {

// choose_name for the index of an unnamed key or exclusion constraint on `table`, starting after
// `passes_taken` names (and updating it).
std::string choose_index_name(const Catalog& catalog, const QualifiedName& table, const Table* facts,
                              const std::vector<std::string>& columns, std::string_view label, bool own_indexes_free,
                              uint32_t& passes_taken) {
  const auto taken = [&](const std::string& name) {
    if (facts && facts->constraint(name)) return true;
    const QualifiedName candidate{table.schema, name};
    if (own_indexes_free)
      if (const Index* index = catalog.find_index(candidate); index && index->table == table) return false;
    return catalog.relation_kind(candidate).has_value();
  };
  std::optional<std::string> named_after;
  if (!columns.empty()) named_after = columns_name_part(columns);
  return choose_name(table.name, named_after, label, taken, passes_taken);
}

// The key under which a table counts the names taken: the names depend on the columns and label,
// and which are taken on the catalog's relations and whether the table's own indexes count.
std::string index_names_key(const Catalog& catalog, const std::vector<std::string>& columns, std::string_view label,
                            bool own_indexes_free) {
  std::string key = columns_name_part(columns);
  key.append(1, '\0').append(label).append(1, '\0');
  key += std::to_string(catalog.relation_names_epoch());
  key += own_indexes_free ? '+' : '-';
  return key;
}

}  // namespace

std::string constraint_index_name(const Catalog& catalog, const QualifiedName& table,
                                  const std::vector<std::string>& columns, std::string_view label,
                                  bool own_indexes_free) {
  const Table* facts = catalog.find_table_facts(table);
  uint32_t passes_taken = facts ? facts->constraints.names_known_taken(
                                      [&] { return index_names_key(catalog, columns, label, own_indexes_free); })
                                : 0;
  return choose_index_name(catalog, table, facts, columns, label, own_indexes_free, passes_taken);
}

std::string constraint_index_name(const Catalog& catalog, Table& table, const std::vector<std::string>& columns,
                                  std::string_view label, bool own_indexes_free) {
  return table.constraints.choose_name_counted(
      [&] { return index_names_key(catalog, columns, label, own_indexes_free); },
      [&](uint32_t& passes_taken) {
        return choose_index_name(catalog, table.name, &table, columns, label, own_indexes_free, passes_taken);
      });
}

uint64_t Catalog::next_epoch() {
  static std::atomic<uint64_t> epochs{0};
  return ++epochs;
}

std::vector<std::string> exclusion_columns(const PgQuery__Constraint& constraint) {
  std::vector<std::string> columns;
  for (size_t i = 0; i < constraint.n_exclusions; ++i) {  // (element, operator) pairs
    const auto* pair = constraint.exclusions[i];
    if (pair->node_case == PG_QUERY__NODE__NODE_LIST && pair->list->n_items > 0 &&
        pair->list->items[0]->node_case == PG_QUERY__NODE__NODE_INDEX_ELEM) {
      const auto* elem = pair->list->items[0]->index_elem;
      columns.emplace_back(elem->name ? elem->name : "");
    }
  }
  return columns;
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
  return {table.schema,
          make_object_name(table.name, columns_name_part(index_column_names(stmt.index_params, stmt.n_index_params)),
                           "idx")};
}

bool Column::has_type(const QualifiedName& type_name) const {
  return type->name == type_name.name && type->schema_or_public() == type_name.schema;
}

const Column* Table::column(std::string_view column_name) const {
  const auto it = std::find_if(columns.begin(), columns.end(), [&](const Column& c) { return c.name == column_name; });
  return it == columns.end() ? nullptr : &*it;
}

const Constraint* Table::constraint(std::string_view constraint_name) const {
  return constraints.find(constraint_name);
}

void Table::add_copy(DataCopy copy) {
  const auto at = static_cast<uint32_t>(copies.size());
  if (copy.all_columns) {
    copies_of_every_column.push_back(at);
  } else {
    for (const std::string& column : copy.columns) copies_by_column[column].push_back(at);  // each named once
  }
  copies.push_back(std::move(copy));
}

std::vector<const DataCopy*> Table::copies_reading(std::string_view column) const {
  static const std::vector<uint32_t> none;
  const auto named = copies_by_column.find(column);
  const std::vector<uint32_t>& of_column = named == copies_by_column.end() ? none : named->second;
  std::vector<uint32_t> positions;
  positions.reserve(of_column.size() + copies_of_every_column.size());
  std::merge(of_column.begin(), of_column.end(), copies_of_every_column.begin(), copies_of_every_column.end(),
             std::back_inserter(positions));
  std::vector<const DataCopy*> reading;
  reading.reserve(positions.size());
  for (const uint32_t at : positions) reading.push_back(&copies[at]);
  return reading;
}

const Table* Catalog::find_table(const QualifiedName& name) const {
  const SharedTable* table = find_in(tables_, name);
  return table ? &**table : nullptr;
}
const Table* Catalog::find_table_facts(const QualifiedName& name) const {
  const SharedTable* table = shared_table_facts(name);
  return table ? &**table : nullptr;
}
const SharedTable* Catalog::shared_table_facts(const QualifiedName& name) const {
  if (const SharedTable* table = find_in(tables_, name)) return table;
  return find_in(partial_tables_, name);
}

const Table* Catalog::default_partition_of(const Table& parent) const {
  if (!parent.default_partition_name) return nullptr;
  const Table* partition = find_table(*parent.default_partition_name);
  return partition && partition->default_partition ? partition : nullptr;
}

std::vector<QualifiedName> Catalog::partitions_below(const Table& parent) const {
  std::vector<QualifiedName> below;
  // A stack of its own: a hostile history may nest partitions 100,000 deep. A lenient replay may
  // also link two tables as each other's partition, which PostgreSQL refuses: each is visited once.
  std::unordered_set<QualifiedName, QualifiedNameHash> seen{parent.name};
  std::vector<const Table*> stack{&parent};
  while (!stack.empty()) {
    const Table* table = stack.back();
    stack.pop_back();
    const size_t first = below.size();
    for (const auto& partition : table->partitions)
      if (seen.insert(partition).second) below.push_back(partition);
    for (size_t i = first; i < below.size(); ++i)
      if (const Table* child = find_table(below[i]); child && !child->partitions.empty()) stack.push_back(child);
  }
  return below;
}

const Index* Catalog::find_index(const QualifiedName& name) const { return indexes_.find(name); }

std::vector<const Index*> Catalog::index_copies(const Index& index) const {
  std::vector<const Index*> copies;
  const Table* table = find_table(index.table);
  if (!table || table->kind != RelationKind::PartitionedTable) return copies;
  std::unordered_set<QualifiedName, QualifiedNameHash> copied{index.name};
  // Partitions come after the table they are partitions of, so a copy's parent is met first.
  for (const QualifiedName& partition : partitions_below(*table))
    for (const Index* candidate : indexes_of(partition))
      if (candidate->parent && copied.contains(*candidate->parent)) {
        copies.push_back(candidate);
        copied.insert(candidate->name);
      }
  return copies;
}
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

std::vector<const Index*> Catalog::indexes_of(const QualifiedName& table) const { return indexes_.of_table(table); }

std::vector<const Table*> Catalog::tables_referencing(const QualifiedName& table) const {
  std::vector<const Table*> result;
  const auto candidates = referenced_by_.find(table);
  if (candidates == referenced_by_.end()) return result;
  for (const QualifiedName& name : candidates->second) {
    const Table* candidate = find_table(name);
    if (!candidate) continue;
    const bool references = std::any_of(candidate->constraints.begin(), candidate->constraints.end(), [&](const auto& c) {
      return c.kind == ConstraintKind::ForeignKey && c.references == table;
    });
    if (references) result.push_back(candidate);
  }
  // A table is listed once for each of its foreign keys: sorted by name, its entries are neighbours.
  std::sort(result.begin(), result.end(), ByName{});
  result.erase(std::unique(result.begin(), result.end()), result.end());
  return result;
}

std::vector<const Table*> Catalog::tables_using_domain(const QualifiedName& domain) const {
  return tables_using_type(domain);
}

std::vector<const Table*> Catalog::tables_using_type(const QualifiedName& type) const {
  std::vector<const Table*> result;
  for (const QualifiedName& name : tables_maybe_using_type(type)) {
    const Table* table = find_table(name);
    if (table &&
        std::any_of(table->columns.begin(), table->columns.end(), [&](const Column& c) { return c.has_type(type); }))
      result.push_back(table);
  }
  std::sort(result.begin(), result.end(), ByName{});
  result.erase(std::unique(result.begin(), result.end()), result.end());  // a table noted more than once
  return result;
}

std::vector<QualifiedName> Catalog::tables_maybe_using_type(const QualifiedName& type) const {
  if (type.schema == "public" && is_builtin_type_name(type.name)) {
    std::vector<QualifiedName> every_table;
    every_table.reserve(tables_.size() + partial_tables_.size());
    for (const auto* tables : {&tables_, &partial_tables_})
      for (const auto& [name, table] : *tables) every_table.push_back(name);
    return every_table;
  }
  const auto noted = typed_by_.find(type);
  return noted == typed_by_.end() ? std::vector<QualifiedName>{} : noted->second;
}

void Catalog::note_column_type(const QualifiedName& table, const SqlType& type) {
  if (type.schema.empty() && is_builtin_type_name(type.name)) return;
  auto& tables = typed_by_[type.qualified_name()];
  if (tables.empty() || tables.back() != table) tables.push_back(table);
}

void Catalog::note_column_types(const Table& table) {
  for (const Column& column : table.columns) note_column_type(table.name, *column.type);
}

void Catalog::note_trigger(const QualifiedName& table, const QualifiedName& function) {
  auto& tables = triggered_by_[function];
  if (tables.empty() || tables.back() != table) tables.push_back(table);
}

void Catalog::note_triggers(const Table& table) {
  for (const Trigger& trigger : table.triggers) note_trigger(table.name, trigger.function);
}

std::vector<const Table*> Catalog::tables_with_triggers_running(const QualifiedName& function) const {
  std::vector<const Table*> result;
  const auto candidates = triggered_by_.find(function);
  if (candidates == triggered_by_.end()) return result;
  for (const QualifiedName& name : candidates->second) {
    const Table* table = find_table_facts(name);
    if (table && std::any_of(table->triggers.begin(), table->triggers.end(),
                             [&](const Trigger& trigger) { return trigger.function == function; }))
      result.push_back(table);
  }
  std::sort(result.begin(), result.end(), ByName{});
  result.erase(std::unique(result.begin(), result.end()), result.end());
  return result;
}

std::vector<const Table*> Catalog::derived_from(const QualifiedName& relation) const {
  std::vector<const Table*> result;
  const auto candidates = derived_from_.find(relation);
  if (candidates == derived_from_.end()) return result;
  for (const QualifiedName& name : candidates->second) {
    const Table* candidate = find_table(name);
    if (!candidate) continue;
    if (candidate->like == relation ||
        std::find(candidate->reads.begin(), candidate->reads.end(), relation) != candidate->reads.end())
      result.push_back(candidate);
  }
  // A table noted more than once is listed once: sorted by name, its entries are neighbours.
  std::sort(result.begin(), result.end(), ByName{});
  result.erase(std::unique(result.begin(), result.end()), result.end());
  return result;
}

void Catalog::rebuild_links() {
  referenced_by_.clear();
  derived_from_.clear();
  table_names_by_schema_.clear();
  typed_by_.clear();
  triggered_by_.clear();
  for (const auto& [name, table] : partial_tables_) {
    note_table_name(name);
    note_column_types(*table);
    note_triggers(*table);
  }
  for (const auto& [name, table] : tables_) {
    note_table_name(name);
    note_column_types(*table);
    note_triggers(*table);
    for (const Constraint& constraint : table->constraints)
      if (constraint.kind == ConstraintKind::ForeignKey) note_reference(constraint.references, name);
    for (const QualifiedName& source : table->reads) derived_from_[source].push_back(name);
    if (table->like) derived_from_[*table->like].push_back(name);
  }
}

std::vector<const Table*> Catalog::views_depending_on(const QualifiedName& relation) const {
  std::vector<const Table*> result;
  std::unordered_set<const Table*> listed;  // result's: a table may have 100,000 views on it
  std::vector<QualifiedName> pending{relation};
  while (!pending.empty()) {
    const QualifiedName reached = std::move(pending.back());
    pending.pop_back();
    for (const Table* table : derived_from(reached)) {
      if (table->kind != RelationKind::View && table->kind != RelationKind::MaterializedView) continue;
      if (std::find(table->reads.begin(), table->reads.end(), reached) == table->reads.end()) continue;
      if (table->name == relation || !listed.insert(table).second) continue;
      result.push_back(table);
      pending.push_back(table->name);
    }
  }
  return result;
}

std::vector<const Table*> Catalog::relations_in_schema(std::string_view schema) const {
  std::vector<const Table*> result;
  const auto names = table_names_by_schema_.find(std::string(schema));
  if (names == table_names_by_schema_.end()) return result;
  for (const QualifiedName& name : names->second)
    if (const Table* table = find_table(name)) result.push_back(table);
  std::sort(result.begin(), result.end(), ByName{});
  result.erase(std::unique(result.begin(), result.end()), result.end());
  return result;
}

std::vector<TableColumn> Catalog::columns_drawing_from(const QualifiedName& sequence) const {
  std::vector<TableColumn> result;
  const Sequence* known = find_sequence(sequence);
  if (!known) return result;
  std::vector<const Table*> seen;  // a table listed twice (renamed back, or its default set again)
  for (const QualifiedName& name : known->drawn_by) {
    const Table* table = find_table(name);
    if (!table || std::find(seen.begin(), seen.end(), table) != seen.end()) continue;
    seen.push_back(table);
    for (const Column& column : table->columns)
      if (column.default_sequence == sequence.name) result.push_back({table, &column});
  }
  return result;
}

std::vector<const Sequence*> Catalog::sequences_in_schema(std::string_view schema) const {
  std::vector<const Sequence*> result;
  // The map is ordered by schema, then name: the schema's sequences are one run of it.
  for (auto it = sequences_.lower_bound(QualifiedName{std::string(schema), ""});
       it != sequences_.end() && it->first.schema == schema; ++it)
    result.push_back(&it->second);
  return result;
}

bool Catalog::table_created_in_file(const QualifiedName& name, FileId file) const {
  const Table* table = find_table(name);
  return table && table->origin.file == file;
}

}  // namespace zdlint

namespace zdlint {

std::optional<ExpandEvidence> Catalog::expand_evidence_for(const QualifiedName& table, std::string_view column,
                                                           FileId current) const {
  const auto earlier = [&](const Origin& origin) { return origin.file != current; };
  if (const Table* facts = find_table_facts(table)) {
    // A replacement column: added after the table was created, by an earlier migration.
    const auto replacement = [&](std::string_view name) {
      const Column* added = name == column ? nullptr : facts->column(name);
      return added && added->added && earlier(*added->added);
    };
    for (const DataCopy* copy : facts->copies_reading(column))
      if (earlier(copy->origin) && copy->target == table && replacement(copy->target_column))
        return ExpandEvidence{ExpandKind::Backfill, copy->target_column, copy->origin};
    for (const Trigger& trigger : facts->triggers) {
      if (!earlier(trigger.origin)) continue;
      for (const Column& candidate : facts->columns)
        if (replacement(candidate.name)) return ExpandEvidence{ExpandKind::SyncTrigger, candidate.name, trigger.origin};
    }
  }
  for (const Table* view : derived_from(table))
    if (view->kind == RelationKind::View && earlier(view->origin) &&
        std::find(view->reads.begin(), view->reads.end(), table) != view->reads.end())
      return ExpandEvidence{ExpandKind::CompatibilityView, view->name.str(), view->origin};
  return std::nullopt;
}

std::optional<ExpandEvidence> Catalog::table_expand_evidence_for(const QualifiedName& table, FileId current) const {
  if (const Table* facts = find_table_facts(table))
    for (const DataCopy& copy : facts->copies)
      // An UPDATE backfill keeps the data in the table: only a copy into another table replaces it.
      if (copy.origin.file != current && copy.target_column.empty() && copy.target != table)
        return ExpandEvidence{ExpandKind::ReplacementTable, copy.target.str(), copy.origin};
  for (const Table* candidate : derived_from(table)) {
    const bool is_table = candidate->kind == RelationKind::Table || candidate->kind == RelationKind::PartitionedTable;
    if (candidate->origin.file != current && candidate->name != table && is_table)
      return ExpandEvidence{ExpandKind::ReplacementTable, candidate->name.str(), candidate->origin};
  }
  return std::nullopt;
}

std::optional<ExpandStep> Catalog::expand_in_file(const QualifiedName& table, std::string_view column,
                                                  FileId file) const {
  const Table* facts = find_table_facts(table);
  if (facts) {
    // Data copied out of the table (of the column) first: the clearest sign of a replacement.
    const auto step_of = [&](const DataCopy& copy) -> std::optional<ExpandStep> {
      if (copy.origin.file != file) return std::nullopt;
      if (copy.target == table && copy.target_column == column) return std::nullopt;  // UPDATE t SET c = c + 1
      if (copy.target == table && column.empty()) return std::nullopt;  // a backfill keeps the data in the table
      if (copy.target == table)
        return ExpandStep{"UPDATE " + table.str() + " SET \"" + copy.target_column + "\" = …, which copies \"" +
                              std::string(column) + "\" into the new column",
                          copy.origin};
      // Names as the statement wrote them may have changed since (a table swap renames both).
      return ExpandStep{fmt::format("INSERT … SELECT that copies {} into {}",
                                    column.empty() ? std::string("its rows") : fmt::format("\"{}\"", column),
                                    copy.target.str()),
                        copy.origin};
    };
    if (column.empty()) {
      for (const DataCopy& copy : facts->copies)
        if (auto step = step_of(copy)) return step;
    } else {
      for (const DataCopy* copy : facts->copies_reading(column))
        if (auto step = step_of(*copy)) return step;
    }
    if (!column.empty())
      for (const Column& added : facts->columns)
        if (added.name != column && added.added && added.added->file == file)
          return ExpandStep{"ADD COLUMN \"" + added.name + "\" to " + table.str(), *added.added};
  }
  if (column.empty())
    for (const Table* candidate : derived_from(table))
      if (candidate->origin.file == file && candidate->name != table && candidate->kind != RelationKind::View)
        return ExpandStep{"CREATE TABLE " + candidate->name.str() + ", made from " + table.str(), candidate->origin};
  return std::nullopt;
}

const ColumnContract* Catalog::contract_before_expand(const QualifiedName& table, FileId file) const {
  const Table* facts = find_table_facts(table);
  if (!facts || table_created_in_file(table, file)) return nullptr;
  for (const ColumnContract& contract : facts->contracted) {
    if (contract.origin.file != file || contract.after_expand) continue;
    // Reported once: at the first ADD COLUMN after the contract, not at every later one.
    const bool expanded_since = std::any_of(facts->columns.begin(), facts->columns.end(), [&](const Column& c) {
      return c.added && c.added->file == file && c.added->statement.begin >= contract.origin.statement.begin;
    });
    if (!expanded_since) return &contract;
  }
  return nullptr;
}

}  // namespace zdlint
