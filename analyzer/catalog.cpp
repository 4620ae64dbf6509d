#include "analyzer/catalog.h"

#include <algorithm>

namespace zdlint {

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

const Table* Catalog::find_table(const QualifiedName& name) const {
  const auto it = tables_.find(name);
  return it == tables_.end() ? nullptr : &it->second;
}

bool Catalog::table_created_in_file(const QualifiedName& name, FileId file) const {
  const Table* table = find_table(name);
  return table && table->created_in_file == file;
}

std::optional<Volatility> Catalog::function_volatility(const QualifiedName& name) const {
  const auto it = functions_.find(name);
  if (it == functions_.end()) return std::nullopt;
  return it->second.volatility;
}

void Catalog::apply(const Statement& stmt, FileId file) {
  if (stmt.origin == StatementOrigin::FunctionBody || !stmt.node) return;
  switch (stmt.kind()) {
    case PG_QUERY__NODE__NODE_CREATE_STMT: apply_create_table(*stmt.node->create_stmt, file); break;
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT: apply_alter_table(*stmt.node->alter_table_stmt); break;
    case PG_QUERY__NODE__NODE_RENAME_STMT: apply_rename(*stmt.node->rename_stmt); break;
    case PG_QUERY__NODE__NODE_DROP_STMT: apply_drop(*stmt.node->drop_stmt); break;
    case PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT: apply_create_function(*stmt.node->create_function_stmt, file); break;
    case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT: {
      const auto* into = stmt.node->create_table_as_stmt->into;
      if (into && into->rel) {
        const auto name = qualified_name(into->rel);
        tables_.try_emplace(name, Table{name, {}, file});
      }
      break;
    }
    default: break;
  }
}

void Catalog::apply_create_table(const PgQuery__CreateStmt& stmt, FileId file) {
  const auto name = qualified_name(stmt.relation);
  if (stmt.if_not_exists && tables_.contains(name)) return;
  Table table{name, {}, file};
  for (size_t i = 0; i < stmt.n_table_elts; ++i) {
    const auto* elt = stmt.table_elts[i];
    if (elt->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF && elt->column_def->colname)
      table.columns.push_back({elt->column_def->colname, type_name_text(elt->column_def->type_name)});
  }
  tables_[name] = std::move(table);
}

void Catalog::apply_alter_table(const PgQuery__AlterTableStmt& stmt) {
  const auto it = tables_.find(qualified_name(stmt.relation));
  if (it == tables_.end()) return;  // pre-existing: nothing known to update
  Table& table = it->second;
  for (size_t i = 0; i < stmt.n_cmds; ++i) {
    if (stmt.cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD) continue;
    const auto* cmd = stmt.cmds[i]->alter_table_cmd;
    if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn && cmd->def &&
        cmd->def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF && cmd->def->column_def->colname) {
      table.columns.push_back({cmd->def->column_def->colname, type_name_text(cmd->def->column_def->type_name)});
    } else if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn && cmd->name) {
      std::erase_if(table.columns, [&](const Column& c) { return c.name == cmd->name; });
    }
  }
}

void Catalog::apply_rename(const PgQuery__RenameStmt& stmt) {
  if (!stmt.newname) return;
  if (stmt.rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE) {
    const auto old_name = qualified_name(stmt.relation);
    auto node = tables_.extract(old_name);
    if (node.empty()) return;
    node.key().name = stmt.newname;
    node.mapped().name.name = stmt.newname;
    tables_.insert(std::move(node));
  } else if (stmt.rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN && stmt.subname) {
    const auto it = tables_.find(qualified_name(stmt.relation));
    if (it == tables_.end()) return;
    for (auto& column : it->second.columns)
      if (column.name == stmt.subname) column.name = stmt.newname;
  }
}

void Catalog::apply_drop(const PgQuery__DropStmt& stmt) {
  if (stmt.remove_type != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE) return;
  for (size_t i = 0; i < stmt.n_objects; ++i) {
    const auto* object = stmt.objects[i];
    if (object->node_case != PG_QUERY__NODE__NODE_LIST) continue;
    tables_.erase(qualified_name(object->list->items, object->list->n_items));
  }
}

void Catalog::apply_create_function(const PgQuery__CreateFunctionStmt& stmt, FileId file) {
  const auto name = qualified_name(stmt.funcname, stmt.n_funcname);
  Volatility volatility = Volatility::Volatile;  // PostgreSQL's default
  for (size_t i = 0; i < stmt.n_options; ++i) {
    const auto* option = stmt.options[i];
    if (option->node_case != PG_QUERY__NODE__NODE_DEF_ELEM || !option->def_elem->defname) continue;
    if (std::string_view(option->def_elem->defname) != "volatility") continue;
    const auto value = string_value(option->def_elem->arg);
    if (value == "immutable") volatility = Volatility::Immutable;
    else if (value == "stable") volatility = Volatility::Stable;
  }
  functions_[name] = Function{name, volatility, file};
}

}  // namespace zdlint
