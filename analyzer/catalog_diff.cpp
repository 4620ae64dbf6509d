#include "analyzer/catalog_diff.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace zdlint {
namespace {

QualifiedName type_name_of(const PgQuery__TypeName* type) {
  return sql_type(type).qualified_name();
}

bool is_relation_object(PgQuery__ObjectType type) {
  switch (type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE: return true;
    default: return false;
  }
}

bool is_function_object(PgQuery__ObjectType type) {
  return type == PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION || type == PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE ||
         type == PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE;
}

QualifiedName function_name(const PgQuery__Node* object) {
  if (object->node_case != PG_QUERY__NODE__NODE_OBJECT_WITH_ARGS) return {};
  return qualified_name(object->object_with_args->objname, object->object_with_args->n_objname);
}

// The relation a statement's own RangeVar field names (those the node walk does not visit).
const PgQuery__RangeVar* target_relation(const PgQuery__Node& node) {
  switch (node.node_case) {
    case PG_QUERY__NODE__NODE_CREATE_STMT: return node.create_stmt->relation;
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT: return node.alter_table_stmt->relation;
    case PG_QUERY__NODE__NODE_INDEX_STMT: return node.index_stmt->relation;
    case PG_QUERY__NODE__NODE_RENAME_STMT: return node.rename_stmt->relation;
    case PG_QUERY__NODE__NODE_VIEW_STMT: return node.view_stmt->view;
    case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT:
      return node.create_table_as_stmt->into ? node.create_table_as_stmt->into->rel : nullptr;
    case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT: return node.create_seq_stmt->sequence;
    case PG_QUERY__NODE__NODE_ALTER_SEQ_STMT: return node.alter_seq_stmt->sequence;
    case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT: return node.create_trig_stmt->relation;
    default: return nullptr;
  }
}

}  // namespace

void add_to_scope(const Statement& stmt, CatalogScope& scope) {
  if (!stmt.node || stmt.origin == StatementOrigin::FunctionBody) return;
  const PgQuery__Node& node = *stmt.node;
  if (const PgQuery__RangeVar* relation = target_relation(node)) scope.relations.insert(qualified_name(relation));
  for (auto& name : relations_named(&node)) scope.relations.insert(std::move(name));
  switch (node.node_case) {
    case PG_QUERY__NODE__NODE_INDEX_STMT: scope.relations.insert(index_name(*node.index_stmt)); break;
    case PG_QUERY__NODE__NODE_RENAME_STMT: {
      const auto& rename = *node.rename_stmt;
      if (rename.relation && rename.newname && is_relation_object(rename.rename_type))
        scope.relations.insert({qualified_name(rename.relation).schema, rename.newname});
      break;
    }
    case PG_QUERY__NODE__NODE_DROP_STMT: {
      const auto& drop = *node.drop_stmt;
      for (size_t i = 0; i < drop.n_objects; ++i) {
        const PgQuery__Node* object = drop.objects[i];
        if (is_relation_object(drop.remove_type)) {
          scope.relations.insert(qualified_name(object));
        } else if ((drop.remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_TYPE ||
                    drop.remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN) &&
                   object->node_case == PG_QUERY__NODE__NODE_TYPE_NAME) {
          scope.types.insert(type_name_of(object->type_name));
        } else if (is_function_object(drop.remove_type)) {
          scope.functions.insert(function_name(object));
        } else if (drop.remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_EXTENSION) {
          scope.extensions.emplace(string_value(object));
        }
      }
      break;
    }
    case PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT: {
      const auto& create = *node.create_function_stmt;
      scope.functions.insert(qualified_name(create.funcname, create.n_funcname));
      break;
    }
    case PG_QUERY__NODE__NODE_CREATE_ENUM_STMT:
      scope.types.insert(qualified_name(node.create_enum_stmt->type_name, node.create_enum_stmt->n_type_name));
      break;
    case PG_QUERY__NODE__NODE_ALTER_ENUM_STMT:
      scope.types.insert(qualified_name(node.alter_enum_stmt->type_name, node.alter_enum_stmt->n_type_name));
      break;
    case PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT:
      scope.types.insert(qualified_name(node.create_domain_stmt->domainname, node.create_domain_stmt->n_domainname));
      break;
    case PG_QUERY__NODE__NODE_ALTER_DOMAIN_STMT:
      scope.types.insert(qualified_name(node.alter_domain_stmt->type_name, node.alter_domain_stmt->n_type_name));
      break;
    case PG_QUERY__NODE__NODE_CREATE_EXTENSION_STMT:
      if (node.create_extension_stmt->extname) scope.extensions.emplace(node.create_extension_stmt->extname);
      break;
    default: break;
  }
}

void add_created(const Statement& stmt, std::vector<NamedObject>& created) {
  if (!stmt.node || stmt.origin == StatementOrigin::FunctionBody) return;
  using Kind = NamedObject::Kind;
  const PgQuery__Node& node = *stmt.node;
  switch (node.node_case) {
    case PG_QUERY__NODE__NODE_CREATE_STMT:
      if (!node.create_stmt->if_not_exists)
        created.push_back({Kind::Relation, qualified_name(node.create_stmt->relation), {}});
      break;
    case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT: {
      const auto& stmt_as = *node.create_table_as_stmt;
      if (!stmt_as.if_not_exists && stmt_as.into && stmt_as.into->rel)
        created.push_back({Kind::Relation, qualified_name(stmt_as.into->rel), {}});
      break;
    }
    case PG_QUERY__NODE__NODE_VIEW_STMT:
      if (!node.view_stmt->replace) created.push_back({Kind::Relation, qualified_name(node.view_stmt->view), {}});
      break;
    case PG_QUERY__NODE__NODE_INDEX_STMT:
      if (!node.index_stmt->if_not_exists) created.push_back({Kind::Relation, index_name(*node.index_stmt), {}});
      break;
    case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT:
      if (!node.create_seq_stmt->if_not_exists)
        created.push_back({Kind::Relation, qualified_name(node.create_seq_stmt->sequence), {}});
      break;
    case PG_QUERY__NODE__NODE_CREATE_ENUM_STMT:
      created.push_back(
          {Kind::Type, qualified_name(node.create_enum_stmt->type_name, node.create_enum_stmt->n_type_name), {}});
      break;
    case PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT:
      created.push_back(
          {Kind::Type, qualified_name(node.create_domain_stmt->domainname, node.create_domain_stmt->n_domainname), {}});
      break;
    case PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT:
      if (!node.create_function_stmt->replace)
        created.push_back({Kind::Function,
                           qualified_name(node.create_function_stmt->funcname, node.create_function_stmt->n_funcname),
                           {}});
      break;
    case PG_QUERY__NODE__NODE_CREATE_EXTENSION_STMT:
      if (!node.create_extension_stmt->if_not_exists && node.create_extension_stmt->extname)
        created.push_back({Kind::Extension, {"", node.create_extension_stmt->extname}, {}});
      break;
    default: break;
  }
}

void add_renamed(const Statement& stmt, std::vector<NamedObject>& renamed) {
  if (stmt.kind() != PG_QUERY__NODE__NODE_RENAME_STMT || stmt.origin == StatementOrigin::FunctionBody) return;
  const auto& rename = *stmt.node->rename_stmt;
  if (!rename.newname) return;
  if (rename.relation && is_relation_object(rename.rename_type))
    renamed.push_back({NamedObject::Kind::Relation, {qualified_name(rename.relation).schema, rename.newname}, {}});
  else if ((rename.rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_TYPE ||
            rename.rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN) &&
           rename.object)
    renamed.push_back({NamedObject::Kind::Type, {qualified_name(rename.object).schema, rename.newname}, {}});
}

void add_renamed_away(const Statement& stmt, std::vector<NamedObject>& renamed_away) {
  if (stmt.kind() != PG_QUERY__NODE__NODE_RENAME_STMT || stmt.origin == StatementOrigin::FunctionBody) return;
  const auto& rename = *stmt.node->rename_stmt;
  if (rename.relation && is_relation_object(rename.rename_type))
    renamed_away.push_back({NamedObject::Kind::Relation, qualified_name(rename.relation), {}});
  else if ((rename.rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_TYPE ||
            rename.rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN) &&
           rename.object)
    renamed_away.push_back({NamedObject::Kind::Type, qualified_name(rename.object), {}});
}

void add_dropped(const Statement& stmt, std::vector<NamedObject>& dropped, bool if_exists) {
  if (!stmt.node || stmt.origin == StatementOrigin::FunctionBody) return;
  using Kind = NamedObject::Kind;
  if (stmt.kind() == PG_QUERY__NODE__NODE_DROP_STMT) {
    const auto& drop = *stmt.node->drop_stmt;
    if (drop.missing_ok && !if_exists) return;  // IF EXISTS: it may never have been there
    for (size_t i = 0; i < drop.n_objects; ++i) {
      const PgQuery__Node* object = drop.objects[i];
      if (is_relation_object(drop.remove_type)) {
        dropped.push_back({Kind::Relation, qualified_name(object), {}});
      } else if ((drop.remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_TYPE ||
                  drop.remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN) &&
                 object->node_case == PG_QUERY__NODE__NODE_TYPE_NAME) {
        dropped.push_back({Kind::Type, type_name_of(object->type_name), {}});
      } else if (is_function_object(drop.remove_type)) {
        dropped.push_back({Kind::Function, function_name(object), {}});
      } else if (drop.remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_EXTENSION) {
        dropped.push_back({Kind::Extension, {"", std::string(string_value(object))}, {}});
      }
    }
  } else if (stmt.kind() == PG_QUERY__NODE__NODE_ALTER_TABLE_STMT) {
    const auto& alter = *stmt.node->alter_table_stmt;
    for (size_t i = 0; i < alter.n_cmds; ++i) {
      if (alter.cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD) continue;
      const auto& cmd = *alter.cmds[i]->alter_table_cmd;
      if (cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn && (!cmd.missing_ok || if_exists) && cmd.name)
        dropped.push_back({Kind::Column, qualified_name(alter.relation), cmd.name});
    }
  }
}

void Catalog::forget(std::span<const NamedObject> objects) {
  using Kind = NamedObject::Kind;
  relation_name_freed();
  for (const NamedObject& object : objects) {
    switch (object.kind) {
      case Kind::Relation:
        if (tables_.erase(object.name) || partial_tables_.erase(object.name)) indexes_.erase_of_table(object.name);
        indexes_.erase(object.name);
        sequences_.erase(object.name);
        break;
      case Kind::Type:
        enums_.erase(object.name);
        domains_.erase(object.name);
        break;
      case Kind::Function: functions_.erase(object.name); break;
      case Kind::Extension: extensions_.erase(object.name.name); break;
      case Kind::Column: break;
    }
  }
}

Catalog Catalog::subset(const CatalogScope& scope) const {
  Catalog copy;
  // The table's indexes, and the sequences its serial and identity columns own (each column names
  // its sequence, so the catalog's sequences need no walk).
  const auto add_table_parts = [&](const Table& table) {
    copy.indexes_.copy_of_table(indexes_, table.name);
    for (const Column& column : table.columns) {
      if (column.default_sequence.empty()) continue;
      const auto it = sequences_.find(QualifiedName{table.name.schema, column.default_sequence});
      if (it != sequences_.end() && it->second.owned_by_table == table.name)
        copy.sequences_.insert_or_assign(it->first, it->second);
    }
  };
  for (const QualifiedName& name : scope.relations) {
    if (const auto it = tables_.find(name); it != tables_.end()) {
      copy.tables_.insert_or_assign(name, it->second);
      add_table_parts(*it->second);
    }
    if (const auto it = partial_tables_.find(name); it != partial_tables_.end()) {
      copy.partial_tables_.insert_or_assign(name, it->second);
      add_table_parts(*it->second);
    }
    if (const Index* index = indexes_.find(name)) copy.indexes_.put(*index);
    if (const auto it = sequences_.find(name); it != sequences_.end())
      copy.sequences_.insert_or_assign(name, it->second);
  }
  for (const QualifiedName& name : scope.types) {
    if (const auto it = enums_.find(name); it != enums_.end()) copy.enums_.insert_or_assign(name, it->second);
    if (const auto it = domains_.find(name); it != domains_.end()) copy.domains_.insert_or_assign(name, it->second);
  }
  for (const QualifiedName& name : scope.functions)
    if (const auto it = functions_.find(name); it != functions_.end())
      copy.functions_.insert_or_assign(name, it->second);
  for (const auto& name : scope.extensions)
    if (const auto it = extensions_.find(name); it != extensions_.end())
      copy.extensions_.insert_or_assign(name, it->second);
  copy.rebuild_links();
  return copy;
}

// Compares two subsets object by object. An object only after the down is a leftover of the up,
// unless the down created it: then it is the return of an object the history never saw created.
class CatalogComparison {
 public:
  CatalogComparison(const Catalog& before, const Catalog& after) : before_(before), after_(after) {}

  std::vector<CatalogDifference> run(std::span<const NamedObject> dropped, std::span<const NamedObject> created) {
    compare_tables();
    compare_keyed(before_.indexes_.all(), after_.indexes_.all(), [&](const Index* b, const Index* a) {
      const auto what = [&] { return "index " + (a ? a->name : b->name).str(); };
      if (presence(what, b != nullptr, a != nullptr, a && a->origin.file == kDownReplayFile)) return;
      if (b->table != a->table) differ(what(), "table", a->table.str(), b->table.str());
      if (b->columns != a->columns) differ(what(), "columns", columns_text(a->columns), columns_text(b->columns));
      const auto unique = [](const Index* i) { return i->unique ? "unique" : "not unique"; };
      const auto predicate = [](const Index* i) { return i->partial ? "partial" : "whole table"; };
      if (b->unique != a->unique) differ(what(), "uniqueness", unique(a), unique(b));
      if (b->partial != a->partial) differ(what(), "predicate", predicate(a), predicate(b));
    });
    compare_map(before_.sequences_, after_.sequences_,
                [&](const QualifiedName& name, const Sequence* b, const Sequence* a) {
      const auto what = [&] { return "sequence " + name.str(); };
      if (presence(what, b != nullptr, a != nullptr, a && a->origin.file == kDownReplayFile)) return;
      if (b->owned_by_table != a->owned_by_table)
        differ(what(), "owner", a->owned_by_table ? a->owned_by_table->str() : "none",
               b->owned_by_table ? b->owned_by_table->str() : "none");
    });
    compare_map(before_.enums_, after_.enums_, [&](const QualifiedName& name, const EnumType* b, const EnumType* a) {
      const auto what = [&] { return "type " + name.str(); };
      if (presence(what, b != nullptr, a != nullptr, a && a->origin.file == kDownReplayFile)) return;
      if (b->values != a->values) differ(what(), "values", columns_text(a->values), columns_text(b->values));
    });
    compare_map(before_.domains_, after_.domains_, [&](const QualifiedName& name, const Domain* b, const Domain* a) {
      const auto what = [&] { return "domain " + name.str(); };
      if (presence(what, b != nullptr, a != nullptr, a && a->origin.file == kDownReplayFile)) return;
      if (b->base != a->base) differ(what(), "base type", a->base.str(), b->base.str());
      if (b->not_null != a->not_null) differ(what(), "nullability", null_text(a->not_null), null_text(b->not_null));
      auto before_checks = b->checks.names(), after_checks = a->checks.names();
      std::sort(before_checks.begin(), before_checks.end());
      std::sort(after_checks.begin(), after_checks.end());
      if (before_checks != after_checks)
        differ(what(), "CHECK constraints", columns_text(after_checks), columns_text(before_checks));
    });
    compare_map(before_.functions_, after_.functions_,
                [&](const QualifiedName& name, const Function* b, const Function* a) {
      const auto what = [&] { return "function " + name.str(); };
      if (presence(what, b != nullptr, a != nullptr, a && a->origin.file == kDownReplayFile)) return;
      if (b->volatility != a->volatility)
        differ(what(), "volatility", to_string(a->volatility), to_string(b->volatility));
    });
    compare_map(before_.extensions_, after_.extensions_,
                [&](const std::string& name, const Origin* b, const Origin* a) {
      presence([&] { return "extension " + name; }, b != nullptr, a != nullptr, a && a->file == kDownReplayFile);
    });
    for (const NamedObject& object : dropped) {
      // A column of a table the up made (or renamed to that name) is the up's own too.
      const bool made_by_up = std::any_of(created.begin(), created.end(), [&](const NamedObject& c) {
        return c.name == object.name && (c.kind == object.kind || (object.kind == NamedObject::Kind::Column &&
                                                                   c.kind == NamedObject::Kind::Relation));
      });
      if (!made_by_up) check_returned(object);
    }
    std::sort(out_.begin(), out_.end(), [](const CatalogDifference& x, const CatalogDifference& y) {
      return std::tie(x.object, x.detail) < std::tie(y.object, y.detail);
    });
    out_.erase(std::unique(out_.begin(), out_.end(),
                           [](const CatalogDifference& x, const CatalogDifference& y) {
                             return x.object == y.object && x.detail == y.detail;
                           }),
               out_.end());
    return std::move(out_);
  }

 private:
  static std::string columns_text(const std::vector<std::string>& names) {
    std::vector<std::string> shown;
    for (const auto& n : names) shown.push_back(n.empty() ? "(expression)" : n);
    return fmt::format("({})", fmt::join(shown, ", "));
  }
  static std::string_view null_text(bool not_null) { return not_null ? "NOT NULL" : "nullable"; }

  void differ(const std::string& what, std::string_view attribute, std::string_view after, std::string_view before) {
    out_.push_back({what, fmt::format("{} is {} after the down, {} before the up", attribute, after, before)});
  }

  // Reports an object present on one side only; true when there is nothing more to compare. `what`
  // names the object, called only to report it.
  template <typename What>
  bool presence(const What& what, bool before, bool after, bool made_by_down) {
    if (before && after) return false;
    if (before) out_.push_back({what(), "existed before the up and is missing after the down"});
    else if (after && !made_by_down) out_.push_back({what(), "is made by the up and still there after the down"});
    return true;
  }

  template <typename Map, typename Compare>
  void compare_map(const Map& before, const Map& after, Compare compare) {
    for (const auto& [name, value] : before) {
      const auto it = after.find(name);
      compare(name, &value, it == after.end() ? nullptr : &it->second);
    }
    for (const auto& [name, value] : after)
      if (!before.contains(name)) compare(name, nullptr, &value);
  }

  // Pairs the indexes of the two sides by name. Both are sorted by name (IndexTable::all), so one
  // walk does it: a search of the other side for each index made a table with n indexes cost n²
  // comparisons for every down compared.
  template <typename Compare>
  void compare_keyed(const std::vector<const Index*>& before, const std::vector<const Index*>& after, Compare compare) {
    auto b = before.begin(), a = after.begin();
    while (b != before.end() || a != after.end()) {
      if (a == after.end() || (b != before.end() && (*b)->name < (*a)->name))
        compare(*b++, nullptr);
      else if (b == before.end() || (*a)->name < (*b)->name)
        compare(nullptr, *a++);
      else
        compare(*b++, *a++);
    }
  }

  void compare_tables() {
    std::set<QualifiedName> names;
    for (const auto* side : {&before_, &after_}) {
      for (const auto& [name, table] : side->tables_) names.insert(name);
      for (const auto& [name, table] : side->partial_tables_) names.insert(name);
    }
    for (const QualifiedName& name : names) {
      const SharedTable* before = before_.shared_table_facts(name);
      const SharedTable* after = after_.shared_table_facts(name);
      // The very table in both (neither the up nor the down changed it): nothing to compare.
      if (before && after && before->shares(*after)) continue;
      compare_table(before ? &**before : nullptr, after ? &**after : nullptr);
    }
  }

  static bool made_by_down(const Table& table, const Column& column) {
    return (column.added ? column.added->file : table.origin.file) == kDownReplayFile;
  }

  void compare_table(const Table* b, const Table* a) {
    const Table& any = a ? *a : *b;
    // Names are put together only for a difference: most tables compared are equal.
    const auto what = [&] { return fmt::format("{} {}", to_string((b && !b->partial ? b : &any)->kind), any.name.str()); };
    if (!a) {
      out_.push_back({what(), "existed before the up and is missing after the down"});
      return;
    }
    // Everything is known of a table the history created; of a pre-existing one only what the
    // history added, so only that is compared.
    const bool complete = b && !b->partial;
    if (!b && !a->partial) {
      if (a->origin.file != kDownReplayFile) out_.push_back({what(), "is made by the up and still there after the down"});
      return;
    }
    if (complete && a->partial) {
      out_.push_back({what(), "existed before the up and is missing after the down"});
      return;
    }
    if (complete) {
      if (b->kind != a->kind) differ(what(), "kind", to_string(a->kind), to_string(b->kind));
      const auto persistence = [](const Table* t) { return t->unlogged ? "UNLOGGED" : "LOGGED"; };
      const auto parent = [](const Table* t) { return t->partition_of ? t->partition_of->str() : "none"; };
      if (b->unlogged != a->unlogged) differ(what(), "persistence", persistence(a), persistence(b));
      if (b->partition_of != a->partition_of)
        differ(what(), "parent", parent(a), parent(b));
      if (b->replica_identity != a->replica_identity)
        differ(what(), "replica identity", a->replica_identity, b->replica_identity);
      if (b->access_method != a->access_method) differ(what(), "access method", a->access_method, b->access_method);
      auto before_reads = b->reads, after_reads = a->reads;
      std::sort(before_reads.begin(), before_reads.end());
      std::sort(after_reads.begin(), after_reads.end());
      if (before_reads != after_reads) {
        std::vector<std::string> shown_before, shown_after;
        for (const auto& r : before_reads) shown_before.push_back(r.str());
        for (const auto& r : after_reads) shown_after.push_back(r.str());
        differ(what(), "the relations its query reads", columns_text(shown_after), columns_text(shown_before));
      }
    }
    const std::vector<Column> none;
    for (const Column& column : b ? b->columns : none) {
      const auto column_what = [&] { return fmt::format("column {}.{}", any.name.str(), column.name); };
      const Column* after = a->column(column.name);
      if (!after) {
        out_.push_back({column_what(), "existed before the up and is missing after the down"});
        continue;
      }
      if (column.type != after->type) differ(column_what(), "type", after->type->str(), column.type->str());
      if (column.not_null != after->not_null)
        differ(column_what(), "nullability", null_text(after->not_null), null_text(column.not_null));
      if (column.has_default != after->has_default)
        differ(column_what(), "default", after->has_default ? "set" : "none", column.has_default ? "set" : "none");
      if (column.identity != after->identity)
        differ(column_what(), "identity", after->identity ? "GENERATED … AS IDENTITY" : "none",
               column.identity ? "GENERATED … AS IDENTITY" : "none");
      if (column.generated != after->generated)
        differ(column_what(), "generation", after->generated ? "GENERATED ALWAYS AS (…) STORED" : "none",
               column.generated ? "GENERATED ALWAYS AS (…) STORED" : "none");
    }
    for (const Column& column : a->columns)
      if ((!b || !b->column(column.name)) && (complete || !made_by_down(*a, column)))
        out_.push_back({fmt::format("column {}.{}", any.name.str(), column.name),
                        "is made by the up and still there after the down"});
    const NamedList<Constraint> no_constraints;
    for (const Constraint& constraint : b ? b->constraints : no_constraints) {
      const auto constraint_what = [&] { return fmt::format("constraint {} on {}", constraint.name, any.name.str()); };
      const Constraint* after = a->constraint(constraint.name);
      if (!after) {
        out_.push_back({constraint_what(), "existed before the up and is missing after the down"});
        continue;
      }
      if (constraint.kind != after->kind)
        differ(constraint_what(), "kind", kind_text(after->kind), kind_text(constraint.kind));
      if (constraint.columns != after->columns)
        differ(constraint_what(), "columns", columns_text(after->columns), columns_text(constraint.columns));
      if (constraint.references != after->references)
        differ(constraint_what(), "referenced table", after->references.str(), constraint.references.str());
      if (constraint.validated != after->validated)
        differ(constraint_what(), "validation", after->validated ? "validated" : "NOT VALID",
               constraint.validated ? "validated" : "NOT VALID");
    }
    for (const Constraint& constraint : a->constraints)
      if ((!b || !b->constraint(constraint.name)) && (complete || constraint.origin.file != kDownReplayFile))
        out_.push_back({fmt::format("constraint {} on {}", constraint.name, any.name.str()),
                        "is made by the up and still there after the down"});
  }

  static std::string_view kind_text(ConstraintKind kind) {
    switch (kind) {
      case ConstraintKind::Check: return "CHECK";
      case ConstraintKind::ForeignKey: return "FOREIGN KEY";
      case ConstraintKind::PrimaryKey: return "PRIMARY KEY";
      case ConstraintKind::Unique: return "UNIQUE";
      case ConstraintKind::Exclusion: return "EXCLUDE";
      case ConstraintKind::NotNull: return "NOT NULL";
    }
    return "CHECK";
  }

  // Something the up dropped that the history never created: the down must create it again.
  void check_returned(const NamedObject& object) {
    using Kind = NamedObject::Kind;
    switch (object.kind) {
      case Kind::Relation:
        if (before_.relation_kind(object.name) || before_.find_table_facts(object.name)) return;
        if (!after_.relation_kind(object.name) && !after_.find_table_facts(object.name))
          out_.push_back({"relation " + object.name.str(), "is dropped by the up and not made again by the down"});
        return;
      case Kind::Column: {
        const Table* before = before_.find_table_facts(object.name);
        if (before && (before->column(object.column) || !before->partial)) return;
        const Table* after = after_.find_table_facts(object.name);
        if (!after || !after->column(object.column))
          out_.push_back({fmt::format("column {}.{}", object.name.str(), object.column),
                          "is dropped by the up and not added again by the down"});
        return;
      }
      case Kind::Type:
        if (before_.find_enum(object.name) || before_.find_domain(object.name)) return;
        if (!after_.find_enum(object.name) && !after_.find_domain(object.name))
          out_.push_back({"type " + object.name.str(), "is dropped by the up and not made again by the down"});
        return;
      case Kind::Function:
        if (before_.function_volatility(object.name)) return;
        if (!after_.function_volatility(object.name))
          out_.push_back({"function " + object.name.str(), "is dropped by the up and not made again by the down"});
        return;
      case Kind::Extension:
        if (before_.has_extension(object.name.name)) return;
        if (!after_.has_extension(object.name.name))
          out_.push_back({"extension " + object.name.name, "is dropped by the up and not made again by the down"});
        return;
    }
  }

  const Catalog& before_;
  const Catalog& after_;
  std::vector<CatalogDifference> out_;
};

std::vector<CatalogDifference> compare_catalogs(const Catalog& before, const Catalog& after,
                                                std::span<const NamedObject> dropped_by_up,
                                                std::span<const NamedObject> made_by_up) {
  return CatalogComparison(before, after).run(dropped_by_up, made_by_up);
}

}  // namespace zdlint
