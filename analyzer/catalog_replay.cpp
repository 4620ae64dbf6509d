// How each executed statement changes the Catalog. Only what the lock model and the rules need is
// recorded; anything else is ignored rather than guessed.
#include <algorithm>
#include <unordered_set>

#include "analyzer/catalog.h"
#include "analyzer/data_change.h"
#include "analyzer/object_names.h"

namespace zdlint {
namespace {

// choose_name among the names `list` holds, starting after those it knows to be taken and telling it
// how many are: a table's 20,000th unnamed CHECK on one column tries one or two names, not 20,000.
template <typename Item>
std::string choose_free_name(NamedList<Item>& list, std::string_view name1, std::optional<std::string_view> name2,
                             std::string_view label) {
  const auto key = [&] {  // what the names depend on
    std::string text(name1);
    text += '\0';
    if (name2) text.append(1, '\1').append(*name2);
    text.append(1, '\0').append(label);
    return text;
  };
  return list.choose_name_counted(key, [&](uint32_t& passes_taken) {
    return choose_name(
        name1, name2, label, [&](const std::string& candidate) { return list.find(candidate) != nullptr; },
        passes_taken);
  });
}

// A foreign key's ON DELETE action, as the parse tree spells it: CASCADE ('c'), SET NULL ('n') and
// SET DEFAULT ('d') write the referencing rows; NO ACTION ('a') and RESTRICT ('r') look them up.
bool deletes_write_referencing_rows(const char* action) {
  return action && (*action == 'c' || *action == 'n' || *action == 'd');
}

// The first column an expression mentions: PostgreSQL names an unnamed CHECK after it.
std::string first_column(const PgQuery__Node* expr) {
  std::string found;
  walk_nodes(expr, [&](const PgQuery__Node& node) {
    if (!found.empty() || node.node_case != PG_QUERY__NODE__NODE_COLUMN_REF) return;
    const auto* ref = node.column_ref;
    if (ref->n_fields > 0) found = std::string(string_value(ref->fields[ref->n_fields - 1]));
  });
  return found;
}

// CHECK (col IS NOT NULL), alone or as conjuncts of an AND: PostgreSQL 12+ can then skip the scan
// of SET NOT NULL.
void proves_not_null(const PgQuery__Node* expr, std::vector<std::string>& columns) {
  if (!expr) return;
  if (expr->node_case == PG_QUERY__NODE__NODE_NULL_TEST) {
    const auto* test = expr->null_test;
    if (test->nulltesttype != PG_QUERY__NULL_TEST_TYPE__IS_NOT_NULL || !test->arg) return;
    if (test->arg->node_case != PG_QUERY__NODE__NODE_COLUMN_REF) return;
    const auto* ref = test->arg->column_ref;
    if (ref->n_fields == 1) columns.emplace_back(string_value(ref->fields[0]));
  } else if (expr->node_case == PG_QUERY__NODE__NODE_BOOL_EXPR &&
             expr->bool_expr->boolop == PG_QUERY__BOOL_EXPR_TYPE__AND_EXPR) {
    for (size_t i = 0; i < expr->bool_expr->n_args; ++i) proves_not_null(expr->bool_expr->args[i], columns);
  }
}

// nextval('order_seq') in a default: the sequence's name (schema dropped: same as the table's).
std::string nextval_sequence(const PgQuery__Node* expr) {
  std::string found;
  walk_nodes(expr, [&](const PgQuery__Node& node) {
    if (!found.empty() || node.node_case != PG_QUERY__NODE__NODE_FUNC_CALL) return;
    const auto& call = *node.func_call;
    if (call.n_funcname == 0 || string_value(call.funcname[call.n_funcname - 1]) != "nextval" || call.n_args == 0) return;
    if (const auto sequence = sequence_literal(call.args[0])) found = sequence->name;
  });
  return found;
}

}  // namespace

// Replays statements into a Catalog. A class only so the handlers share the catalog and origin.
class CatalogReplay {
 public:
  CatalogReplay(Catalog& catalog, Origin origin) : c_(catalog), origin_(origin) {}

  void statement(const PgQuery__Node& node) {
    switch (node.node_case) {
      case PG_QUERY__NODE__NODE_CREATE_STMT: create_table(*node.create_stmt); break;
      case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT: alter_table(*node.alter_table_stmt); break;
      case PG_QUERY__NODE__NODE_RENAME_STMT: rename(*node.rename_stmt); break;
      case PG_QUERY__NODE__NODE_DROP_STMT: drop(*node.drop_stmt); break;
      case PG_QUERY__NODE__NODE_INDEX_STMT: create_index(*node.index_stmt); break;
      case PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT: create_function(*node.create_function_stmt); break;
      case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT: {
        const auto name = qualified_name(node.create_seq_stmt->sequence);
        c_.sequences_.try_emplace(name, Sequence{name, std::nullopt, origin_});
        break;
      }
      case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT:
        create_trigger(*node.create_trig_stmt);
        break;
      case PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT: create_domain(*node.create_domain_stmt); break;
      case PG_QUERY__NODE__NODE_ALTER_DOMAIN_STMT: alter_domain(*node.alter_domain_stmt); break;
      case PG_QUERY__NODE__NODE_CREATE_ENUM_STMT: {
        const auto& stmt = *node.create_enum_stmt;
        const auto name = qualified_name(stmt.type_name, stmt.n_type_name);
        c_.enums_[name] = EnumType{name, string_list(stmt.vals, stmt.n_vals), origin_};
        break;
      }
      case PG_QUERY__NODE__NODE_ALTER_ENUM_STMT: {
        const auto& stmt = *node.alter_enum_stmt;
        const auto it = c_.enums_.find(qualified_name(stmt.type_name, stmt.n_type_name));
        if (it != c_.enums_.end() && stmt.new_val && (!stmt.old_val || !*stmt.old_val)) it->second.values.emplace_back(stmt.new_val);
        break;
      }
      case PG_QUERY__NODE__NODE_CREATE_EXTENSION_STMT:
        if (node.create_extension_stmt->extname) c_.extensions_.try_emplace(node.create_extension_stmt->extname, origin_);
        break;
      case PG_QUERY__NODE__NODE_VIEW_STMT: {
        const auto& stmt = *node.view_stmt;
        const auto name = qualified_name(stmt.view);
        Table view{name, RelationKind::View};
        view.reads = relations_named(stmt.query);
        view.origin = origin_;
        if (const Table* old = c_.find_table(name); old && stmt.replace) view.origin = old->origin;
        note_derived(view);
        c_.note_table_name(name);
        c_.tables_.insert_or_assign(name, SharedTable(std::move(view)));
        break;
      }
      case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT: {
        const auto& stmt = *node.create_table_as_stmt;
        if (!stmt.into || !stmt.into->rel) break;
        const auto name = qualified_name(stmt.into->rel);
        if (stmt.if_not_exists && c_.tables_.contains(name)) break;
        const bool matview = stmt.objtype == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW;
        Table table{name, matview ? RelationKind::MaterializedView : RelationKind::Table};
        for (const auto& column : string_list(stmt.into->col_names, stmt.into->n_col_names))
          if (number_column(table)) table.columns.push_back({column});
        table.reads = relations_named(stmt.query);
        table.origin = origin_;
        note_derived(table);
        c_.note_table_name(name);
        c_.tables_.insert_or_assign(name, SharedTable(std::move(table)));
        break;
      }
      default: break;
    }
  }

  // UPDATE t SET new = <reads old>, INSERT INTO other SELECT … FROM t: the rows copied out of t.
  void data_change(const DataChange& change) {
    if (change.kind == DataChangeKind::Update) {
      for (const auto& assignment : change.assignments) {
        if (assignment.reads.empty()) continue;
        facts_for(change.target).add_copy(DataCopy{change.target, assignment.target, assignment.reads, false, origin_});
      }
    } else if (change.kind == DataChangeKind::Insert && change.from_select) {
      for (const auto& source : change.sources) {
        if (source == change.target) continue;
        facts_for(source).add_copy(
            DataCopy{change.target, "", change.source_columns, change.all_source_columns, origin_});
      }
    }
  }

 private:
  // The record of a table: complete when the history created it, else the facts the history adds
  // to a pre-existing one.
  Table& facts_for(const QualifiedName& name) {
    if (auto it = c_.tables_.find(name); it != c_.tables_.end()) return it->second.changed();
    auto [it, added] = c_.partial_tables_.try_emplace(name, Table{name});
    if (added) c_.note_table_name(name);
    Table& facts = it->second.changed();
    facts.partial = true;
    facts.origin = Origin{static_cast<FileId>(-1), 0, {}};
    return facts;
  }

  // A column dropped or renamed away, unless the same migration added it (then it was never deployed).
  void record_contract(Table& table, const std::string& column, bool renamed) {
    if (const Column* known = table.column(column); known && known->added && known->added->file == origin_.file) return;
    const bool after_expand = c_.expand_in_file(table.name, column, origin_.file).has_value();
    table.contracted.push_back({column, renamed, after_expand, origin_});
  }

  void add_constraint(Table& table, const PgQuery__Constraint& constraint, const std::string& column_name) {
    Constraint added;
    added.origin = origin_;
    std::string_view suffix;
    switch (constraint.contype) {
      case PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL:
        if (Column* column = mutable_column(table, column_name)) column->not_null = true;
        return;
      case PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT:
        if (Column* column = mutable_column(table, column_name)) set_default(table, *column, constraint.raw_expr);
        return;
      case PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY:
        if (Column* column = mutable_column(table, column_name)) {
          column->identity = true;
          column->not_null = true;
          column->default_sequence = add_owned_sequence(table, column_name);
        }
        return;
      case PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED:
        if (Column* column = mutable_column(table, column_name)) column->generated = true;
        return;
      case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK:
        added.kind = ConstraintKind::Check;
        added.columns = {column_name.empty() ? first_column(constraint.raw_expr) : column_name};
        proves_not_null(constraint.raw_expr, added.proves_not_null);
        suffix = "check";
        break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN:
        added.kind = ConstraintKind::ForeignKey;
        added.columns = column_name.empty() ? string_list(constraint.fk_attrs, constraint.n_fk_attrs)
                                            : std::vector<std::string>{column_name};
        added.references = qualified_name(constraint.pktable);
        added.referenced_columns = constraint.n_pk_attrs > 0 ? string_list(constraint.pk_attrs, constraint.n_pk_attrs)
                                                             : primary_key_columns(table, added.references);
        added.delete_writes_referencing_rows = deletes_write_referencing_rows(constraint.fk_del_action);
        suffix = "fkey";
        break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
      case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE: {
        const bool primary = constraint.contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY;
        added.kind = primary ? ConstraintKind::PrimaryKey : ConstraintKind::Unique;
        added.columns = column_name.empty() ? string_list(constraint.keys, constraint.n_keys)
                                            : std::vector<std::string>{column_name};
        if (constraint.indexname && *constraint.indexname) {
          // USING INDEX: the existing index becomes the constraint's, and takes its name.
          const QualifiedName old_index{table.name.schema, constraint.indexname};
          if (const Index* index = c_.find_index(old_index)) added.columns = index->columns;
        }
        if (primary)
          for (const auto& key : added.columns)
            if (Column* column = mutable_column(table, key)) column->not_null = true;
        suffix = primary ? "pkey" : "key";
        break;
      }
      case PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION:
        added.kind = ConstraintKind::Exclusion;
        added.columns = exclusion_columns(constraint);
        suffix = "excl";
        break;
      default: return;
    }
    added.validated = !constraint.skip_validation;
    if (constraint.conname && *constraint.conname) {
      added.name = constraint.conname;
    } else if (constraint.indexname && *constraint.indexname) {
      added.name = constraint.indexname;  // USING INDEX, unnamed: the constraint takes the index's name
    } else {
      added.name = unnamed_constraint_name(table, added, suffix, constraint);
    }
    if (added.kind == ConstraintKind::PrimaryKey || added.kind == ConstraintKind::Unique ||
        added.kind == ConstraintKind::Exclusion) {
      if (constraint.indexname && *constraint.indexname) {
        // ALTER TABLE … ADD CONSTRAINT name PRIMARY KEY USING INDEX idx renames idx to name (an
        // unnamed one takes idx's name).
        if (added.name != constraint.indexname) c_.relation_name_freed();
        c_.indexes_.rename(QualifiedName{table.name.schema, constraint.indexname},
                           QualifiedName{table.name.schema, added.name}, [](Index& index) { index.unique = true; });
      } else {
        const QualifiedName index_name{table.name.schema, added.name};
        c_.indexes_.put(Index{index_name, table.name, added.columns, added.kind != ConstraintKind::Exclusion, false,
                              origin_});
      }
      added.index = added.name;
    }
    if (added.kind == ConstraintKind::ForeignKey) c_.note_reference(added.references, table.name);
    table.constraints.push_back(std::move(added));
  }

  // The name PostgreSQL gives an unnamed constraint: "t_a_check" after the one column a CHECK reads
  // ("t_check" when it reads several), "t_a_b_fkey", and for a key or exclusion constraint its
  // index's ("t_pkey", "t_a_key"), cut to 63 bytes, with a number when the name is taken: by another
  // relation of the schema for an index, by another constraint of the table for a CHECK or foreign
  // key (PostgreSQL looks at the whole schema's constraints; the catalog at the table's).
  std::string unnamed_constraint_name(Table& table, const Constraint& added, std::string_view suffix,
                                      const PgQuery__Constraint& constraint) const {
    if (added.kind == ConstraintKind::Check || added.kind == ConstraintKind::ForeignKey) {
      const std::optional<std::string> named_after = added.kind == ConstraintKind::Check
                                                         ? check_name_column(constraint.raw_expr)
                                                         : std::optional(columns_name_part(added.columns));
      return choose_free_name(table.constraints, table.name.name, named_after, suffix);
    }
    const std::vector<std::string> no_columns;
    return constraint_index_name(c_, table, added.kind == ConstraintKind::PrimaryKey ? no_columns : added.columns,
                                 suffix, creating_table_ == table.name);
  }

  // The columns of `name`'s primary key, which a foreign key naming no columns references; `table`
  // is the one being changed (a foreign key may reference its own table). Empty when unknown.
  std::vector<std::string> primary_key_columns(const Table& table, const QualifiedName& name) const {
    const Table* referenced = name == table.name ? &table : c_.find_table_facts(name);
    if (!referenced) return {};
    for (const Constraint& constraint : referenced->constraints)
      if (constraint.kind == ConstraintKind::PrimaryKey) return constraint.columns;
    return {};
  }

  Table* mutable_table_facts(const QualifiedName& name) {
    if (auto it = c_.tables_.find(name); it != c_.tables_.end()) return &it->second.changed();
    if (auto it = c_.partial_tables_.find(name); it != c_.partial_tables_.end()) return &it->second.changed();
    return nullptr;
  }

  static Column* mutable_column(Table& table, std::string_view name) {
    const auto it = std::find_if(table.columns.begin(), table.columns.end(), [&](const Column& c) { return c.name == name; });
    return it == table.columns.end() ? nullptr : &*it;
  }

  // Drops the sequence `column` draws from when `table` owns it (a serial or identity column's).
  void drop_owned_sequence(const Table& table, const Column& column) {
    if (column.default_sequence.empty()) return;
    const auto owned = c_.sequences_.find(QualifiedName{table.name.schema, column.default_sequence});
    if (owned != c_.sequences_.end() && owned->second.owned_by_table == table.name) c_.sequences_.erase(owned);
  }

  std::string add_owned_sequence(const Table& table, const std::string& column) {
    const QualifiedName name{table.name.schema, table.name.name + "_" + column + "_seq"};
    c_.sequences_[name] = Sequence{name, table.name, origin_, {table.name}};
    return name.name;
  }

  // Runs `change` on each column whose default draws from `sequence` (and its table), copying only
  // those tables.
  template <typename Change>
  void for_each_column_drawing_from(const QualifiedName& sequence, Change change) {
    std::vector<std::pair<QualifiedName, std::string>> columns;  // found first: changing copies tables
    for (const auto& [table, column] : c_.columns_drawing_from(sequence))
      columns.emplace_back(table->name, column->name);
    for (const auto& [name, column] : columns) {
      Table& table = facts_for(name);
      if (Column* found = mutable_column(table, column)) change(table, *found);
    }
  }

  // Gives `column` of `table` the default `expr`: none for a null one (DROP DEFAULT) or for DEFAULT
  // NULL, which stores none.
  void set_default(const Table& table, Column& column, const PgQuery__Node* expr) {
    column.has_default = expr != nullptr && !(expr->node_case == PG_QUERY__NODE__NODE_A_CONST && expr->a_const->isnull);
    column.default_volatility = expression_volatility(expr, c_).volatility;
    column.default_sequence = nextval_sequence(expr);
    note_drawn_by(table, column);
  }

  // Lists `table` among those drawing from the sequence of `column`'s default, once for a run.
  void note_drawn_by(const Table& table, const Column& column) {
    if (column.default_sequence.empty()) return;
    const auto sequence = c_.sequences_.find(QualifiedName{table.name.schema, column.default_sequence});
    if (sequence == c_.sequences_.end()) return;
    auto& drawn_by = sequence->second.drawn_by;
    if (drawn_by.empty() || drawn_by.back() != table.name) drawn_by.push_back(table.name);
  }

  // Gives the next column of `table` its number: false when PostgreSQL has none left, and would
  // refuse the statement (the replay then adds no more columns to the table).
  static bool number_column(Table& table) {
    if (table.columns_numbered >= kMaxTableColumns) return false;
    ++table.columns_numbered;
    return true;
  }

  void add_column(Table& table, const PgQuery__ColumnDef& def) {
    if (!def.colname || !number_column(table)) return;
    SqlType type = sql_type(def.type_name);
    const bool serial = is_serial_type(type);
    if (serial) type = serial_storage_type(type);
    Column column{def.colname, std::move(type)};
    column.not_null = def.is_not_null;
    // ALTER TABLE … ADD COLUMN grows a table a column or two at a time: doubling its capacity
    // would leave most tables of a long history holding as many unused columns as used ones.
    if (table.columns.size() == table.columns.capacity())
      table.columns.reserve(table.columns.size() + table.columns.size() / 8 + 1);
    table.columns.push_back(std::move(column));
    c_.note_column_type(table.name, *table.columns.back().type);
    if (serial) {
      Column& added = table.columns.back();
      added.has_default = true;
      added.default_volatility = Volatility::Volatile;
      added.not_null = true;
      added.default_sequence = add_owned_sequence(table, def.colname);
    }
    for (size_t i = 0; i < def.n_constraints; ++i)
      if (def.constraints[i]->node_case == PG_QUERY__NODE__NODE_CONSTRAINT)
        add_constraint(table, *def.constraints[i]->constraint, def.colname);
  }

  void create_table(const PgQuery__CreateStmt& stmt) {
    const auto name = qualified_name(stmt.relation);
    if (stmt.if_not_exists && c_.tables_.contains(name)) return;
    c_.note_table_name(name);
    Table& table =
        c_.tables_
            .insert_or_assign(
                name, SharedTable(Table{name, stmt.partspec ? RelationKind::PartitionedTable : RelationKind::Table}))
            .first->second.changed();
    table.origin = origin_;
    table.unlogged = stmt.relation && stmt.relation->relpersistence && std::string_view(stmt.relation->relpersistence) == "u";
    if (stmt.access_method && *stmt.access_method) table.access_method = stmt.access_method;
    table.columns.reserve(stmt.n_table_elts);  // a history holds many tables: no spare capacity
    creating_table_ = name;
    for (size_t i = 0; i < stmt.n_table_elts; ++i) {
      const auto* elt = stmt.table_elts[i];
      if (elt->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) {
        add_column(table, *elt->column_def);
      } else if (elt->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) {
        add_constraint(table, *elt->constraint, "");
      } else if (elt->node_case == PG_QUERY__NODE__NODE_TABLE_LIKE_CLAUSE) {
        table.like = qualified_name(elt->table_like_clause->relation);
        note_derived(table);
        // LIKE of the table being created (which PostgreSQL refuses) finds this very entry: its
        // columns would be appended to themselves while being read.
        if (const Table* source = c_.find_table(*table.like); source && source != &table)
          for (const auto& column : source->columns) {
            if (!number_column(table)) break;
            table.columns.push_back(column);
            table.columns.back().added.reset();
            c_.note_column_type(table.name, *column.type);
          }
      }
    }
    creating_table_.reset();
    if (stmt.partspec)
      for (size_t i = 0; i < stmt.partspec->n_part_params; ++i) {
        const auto* param = stmt.partspec->part_params[i];
        if (param->node_case == PG_QUERY__NODE__NODE_PARTITION_ELEM && param->partition_elem->name)
          table.partition_key.emplace_back(param->partition_elem->name);
      }
    if (stmt.n_inh_relations > 0 && stmt.partbound &&
        stmt.inh_relations[0]->node_case == PG_QUERY__NODE__NODE_RANGE_VAR) {
      const auto parent_name = qualified_name(stmt.inh_relations[0]->range_var);
      table.partition_of = parent_name;
      table.default_partition = stmt.partbound->is_default;
      const auto parent = c_.tables_.find(parent_name);
      if (parent != c_.tables_.end()) {
        // A partition has its parent's columns, and a copy of each of its indexes.
        Table& parent_table = parent->second.changed();
        if (table.columns.empty()) {
          table.columns = parent_table.columns;
          // Numbered afresh: the parent's dropped columns are not the partition's.
          table.columns_numbered = static_cast<uint16_t>(table.columns.size());
          c_.note_column_types(table);
        }
        parent_table.partitions.push_back(name);
        if (table.default_partition) parent_table.default_partition_name = name;
        // Copied first: cloning adds to the table the pointers point into.
        std::vector<Index> parent_indexes;
        for (const Index* index : c_.indexes_of(parent_name)) parent_indexes.push_back(*index);
        for (const Index& parent_index : parent_indexes) clone_index_for_partition(parent_index, name);
      }
    }
  }

  // A partitioned table's index is copied onto each partition, and the copy onto the partitions of
  // a partition that is partitioned too.
  void clone_index_into_partitions(const Index& index, const Table& table) {
    // A stack, as nesting may be deep; and a lenient replay may link tables into a cycle of
    // partitions, which PostgreSQL refuses: each table is visited once.
    std::vector<std::pair<Index, const Table*>> pending{{index, &table}};
    std::unordered_set<QualifiedName, QualifiedNameHash> seen{table.name};
    while (!pending.empty()) {
      auto [parent_index, parent] = std::move(pending.back());
      pending.pop_back();
      for (const auto& partition : parent->partitions) {
        if (!seen.insert(partition).second) continue;
        const Index copy = clone_index_for_partition(parent_index, partition);
        const auto child = c_.tables_.find(partition);
        if (child != c_.tables_.end() && child->second->kind == RelationKind::PartitionedTable)
          pending.emplace_back(copy, &*child->second);
      }
    }
  }

  Index clone_index_for_partition(const Index& parent_index, const QualifiedName& partition) {
    const bool pkey = parent_index.name.name == parent_index.table.name + "_pkey";
    const std::string wanted =
        pkey ? partition.name + "_pkey"
             : default_index_name(partition.name, parent_index.columns, parent_index.unique ? "key" : "idx");
    // PostgreSQL gives the copy a name no relation of the schema has, with a number added when the
    // wanted one is taken (by another of the parent's indexes, say): another relation's index is
    // never replaced. An index of the partition itself on the same key is taken for this copy made
    // again (the history replaced its parent index, as an unnamed CREATE INDEX repeated does), and
    // is replaced: copies do not pile up, one more per partition with each statement.
    const auto free_for_copy = [&](const QualifiedName& candidate) {
      if (!c_.relation_kind(candidate)) return true;
      const Index* own = c_.indexes_.find(candidate);
      return own && own->table == partition && own->columns == parent_index.columns &&
             own->unique == parent_index.unique;
    };
    QualifiedName name{partition.schema, wanted};
    for (int n = 1; !free_for_copy(name); ++n) name.name = wanted + std::to_string(n);
    return c_.indexes_.put(Index{name, partition, parent_index.columns, parent_index.unique, parent_index.partial,
                                 origin_, parent_index.name});
  }

  void create_index(const PgQuery__IndexStmt& stmt) {
    const auto table = qualified_name(stmt.relation);
    const auto columns = index_columns(stmt);
    const QualifiedName name = index_name(stmt);
    if (stmt.if_not_exists && c_.indexes_.contains(name)) return;
    const Index created =
        c_.indexes_.put(Index{name, table, columns, stmt.unique != 0, stmt.where_clause != nullptr, origin_});
    const auto parent = c_.tables_.find(table);
    if (parent != c_.tables_.end() && parent->second->kind == RelationKind::PartitionedTable && stmt.relation->inh)
      clone_index_into_partitions(created, *parent->second);
  }

  void alter_table(const PgQuery__AlterTableStmt& stmt) {
    if (stmt.objtype == PG_QUERY__OBJECT_TYPE__OBJECT_INDEX) {
      alter_index(stmt);
      return;
    }
    // Pre-existing: record what the history adds to it, and nothing else.
    Table& table = facts_for(qualified_name(stmt.relation));
    for (size_t i = 0; i < stmt.n_cmds; ++i) {
      if (stmt.cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD) continue;
      alter_table_cmd(table, *stmt.cmds[i]->alter_table_cmd);
    }
  }

  // ALTER INDEX parent ATTACH PARTITION child: the partition's index becomes the parent's copy.
  // Nothing else an ALTER INDEX changes is recorded.
  void alter_index(const PgQuery__AlterTableStmt& stmt) {
    const auto parent = qualified_name(stmt.relation);
    for (size_t i = 0; i < stmt.n_cmds; ++i) {
      if (stmt.cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD) continue;
      const auto& cmd = *stmt.cmds[i]->alter_table_cmd;
      if (cmd.subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_AttachPartition || !cmd.def ||
          cmd.def->node_case != PG_QUERY__NODE__NODE_PARTITION_CMD)
        continue;
      if (const Index* child = c_.indexes_.find(qualified_name(cmd.def->partition_cmd->name))) {
        Index attached = *child;
        attached.parent = parent;
        c_.indexes_.put(std::move(attached));
      }
    }
  }

  void alter_table_cmd(Table& table, const PgQuery__AlterTableCmd& cmd) {
    const std::string name = cmd.name ? cmd.name : "";
    switch (cmd.subtype) {
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn:
        if (cmd.def && cmd.def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) {
          if (cmd.missing_ok && table.column(cmd.def->column_def->colname ? cmd.def->column_def->colname : "")) break;
          const size_t before = table.columns.size();
          add_column(table, *cmd.def->column_def);
          if (table.columns.size() > before) table.columns[before].added = origin_;
        }
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn:
        c_.relation_name_freed();  // its indexes and sequence go with it
        record_contract(table, name, false);
        // A serial or identity column's sequence is dropped with it.
        if (const Column* dropped = table.column(name)) drop_owned_sequence(table, *dropped);
        std::erase_if(table.columns, [&](const Column& c) { return c.name == name; });
        table.constraints.erase_if([&](const Constraint& c) {
          return std::find(c.columns.begin(), c.columns.end(), name) != c.columns.end();
        });
        // CASCADE drops the foreign keys that reference the column too (without it PostgreSQL refuses).
        if (cmd.behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE) {
          const auto through_column = [&](const Constraint& c) {
            return c.kind == ConstraintKind::ForeignKey && c.references == table.name &&
                   c.references_column(name) == true;
          };
          for (const Table* referencing : c_.tables_referencing(table.name))
            // A table is copied for writing only when one of its keys goes (copies share it otherwise).
            if (std::ranges::any_of(referencing->constraints, through_column))
              if (Table* changed = mutable_table_facts(referencing->name))
                changed->constraints.erase_if(through_column);
        }
        c_.indexes_.erase_of_table(table.name, [&](const Index& index) {
          return std::find(index.columns.begin(), index.columns.end(), name) != index.columns.end();
        });
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType:
        if (Column* column = mutable_column(table, name);
            column && cmd.def && cmd.def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) {
          column->type = sql_type(cmd.def->column_def->type_name);
          c_.note_column_type(table.name, *column->type);
        }
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull:
        if (Column* column = mutable_column(table, name)) column->not_null = true;
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull:
        if (Column* column = mutable_column(table, name)) column->not_null = false;
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault:
        if (Column* column = mutable_column(table, name)) set_default(table, *column, cmd.def);
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AddIdentity:
        if (Column* column = mutable_column(table, name)) {
          column->identity = true;
          column->default_sequence = add_owned_sequence(table, name);
        }
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropIdentity:
        // The identity's sequence is dropped with it.
        if (Column* column = mutable_column(table, name); column && column->identity) {
          column->identity = false;
          c_.relation_name_freed();
          drop_owned_sequence(table, *column);
          column->default_sequence.clear();
        }
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint:
        if (cmd.def && cmd.def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) add_constraint(table, *cmd.def->constraint, "");
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint:
        if (Constraint* validated = table.constraints.find(name)) validated->validated = true;
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint: {
        const Constraint* dropped = table.constraints.find(name);
        if (!dropped) break;
        if (!dropped->index.empty()) {
          c_.relation_name_freed();
          c_.indexes_.erase(QualifiedName{table.name.schema, dropped->index});
        }
        table.constraints.erase(name);
        break;
      }
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetLogged: table.unlogged = false; break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetUnLogged: table.unlogged = true; break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetAccessMethod:
        if (!name.empty()) table.access_method = name;
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_ReplicaIdentity:
        if (cmd.def && cmd.def->node_case == PG_QUERY__NODE__NODE_REPLICA_IDENTITY_STMT && cmd.def->replica_identity_stmt->identity_type) {
          const std::string_view kind = cmd.def->replica_identity_stmt->identity_type;
          table.replica_identity = kind == "f" ? "full" : kind == "n" ? "nothing" : kind == "i" ? "index" : "default";
        }
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AttachPartition:
        if (cmd.def && cmd.def->node_case == PG_QUERY__NODE__NODE_PARTITION_CMD && table.kind == RelationKind::PartitionedTable) {
          const auto partition = qualified_name(cmd.def->partition_cmd->name);
          table.partitions.push_back(partition);
          if (auto child = c_.tables_.find(partition); child != c_.tables_.end()) {
            Table& attached = child->second.changed();
            attached.partition_of = table.name;
            attached.default_partition = cmd.def->partition_cmd->bound && cmd.def->partition_cmd->bound->is_default;
            if (attached.default_partition) table.default_partition_name = partition;
          }
        }
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartition:
        if (cmd.def && cmd.def->node_case == PG_QUERY__NODE__NODE_PARTITION_CMD) {
          const auto partition = qualified_name(cmd.def->partition_cmd->name);
          std::erase(table.partitions, partition);
          if (table.default_partition_name == partition) table.default_partition_name.reset();
          if (auto child = c_.tables_.find(partition); child != c_.tables_.end()) {
            Table& detached = child->second.changed();
            detached.partition_of.reset();
            detached.default_partition = false;
          }
        }
        break;
      default: break;
    }
  }

  // Indexes `table` under the relations it reads or copies (Catalog::derived_from).
  void note_derived(const Table& table) {
    for (const QualifiedName& source : table.reads) c_.derived_from_[source].push_back(table.name);
    if (table.like) c_.derived_from_[*table.like].push_back(table.name);
  }

  // After `renamed` was renamed from `old_name`: the names other tables hold for it (their foreign
  // keys, partition links) and the indexes. Only the tables linked to it are touched, so a history
  // with many renames stays linear.
  void retarget_references(Table& renamed, const QualifiedName& old_name) {
    const QualifiedName& new_name = renamed.name;
    // Others keep reading the old name (as the catalog records what they wrote); the index of
    // what the renamed relation was made from follows it.
    for (const QualifiedName& source : renamed.reads)
      if (auto it = c_.derived_from_.find(source); it != c_.derived_from_.end())
        std::replace(it->second.begin(), it->second.end(), old_name, new_name);
    if (renamed.like)
      if (auto it = c_.derived_from_.find(*renamed.like); it != c_.derived_from_.end())
        std::replace(it->second.begin(), it->second.end(), old_name, new_name);
    if (auto referencing = c_.referenced_by_.extract(old_name); !referencing.empty()) {
      // Each table once: its foreign keys are walked whole.
      std::sort(referencing.mapped().begin(), referencing.mapped().end());
      referencing.mapped().erase(std::unique(referencing.mapped().begin(), referencing.mapped().end()),
                                 referencing.mapped().end());
      for (const QualifiedName& name : referencing.mapped())
        if (auto it = c_.tables_.find(name == old_name ? new_name : name); it != c_.tables_.end())
          for (auto& constraint : it->second.changed().constraints)
            if (constraint.references == old_name) constraint.references = new_name;
      auto& into = c_.referenced_by_[new_name];
      into.insert(into.end(), referencing.mapped().begin(), referencing.mapped().end());
    }
    for (const auto& constraint : renamed.constraints)
      if (constraint.kind == ConstraintKind::ForeignKey)
        if (auto it = c_.referenced_by_.find(constraint.references); it != c_.referenced_by_.end())
          std::replace(it->second.begin(), it->second.end(), old_name, new_name);
    for (const auto& child : renamed.partitions)
      if (auto it = c_.tables_.find(child); it != c_.tables_.end() && it->second->partition_of == old_name)
        it->second.changed().partition_of = new_name;
    if (renamed.partition_of)
      if (auto parent = c_.tables_.find(*renamed.partition_of); parent != c_.tables_.end()) {
        Table& parent_table = parent->second.changed();
        std::replace(parent_table.partitions.begin(), parent_table.partitions.end(), old_name, new_name);
        if (parent_table.default_partition_name == old_name) parent_table.default_partition_name = new_name;
      }
  }

  void rename(const PgQuery__RenameStmt& stmt) {
    if (!stmt.newname) return;
    switch (stmt.rename_type) {
      case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
      case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
      case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
      case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE: {
        c_.relation_name_freed();
        const auto old_name = qualified_name(stmt.relation);
        if (auto partial = c_.partial_tables_.extract(old_name); !partial.empty()) {
          partial.key().name = stmt.newname;
          partial.mapped().changed().name.name = stmt.newname;
          c_.note_table_name(partial.key());
          c_.note_column_types(*partial.mapped());
          c_.note_triggers(*partial.mapped());
          c_.partial_tables_.insert(std::move(partial));
        }
        auto node = c_.tables_.extract(old_name);
        if (node.empty()) return;
        QualifiedName new_name{old_name.schema, stmt.newname};
        node.key() = new_name;
        node.mapped().changed().name = new_name;
        c_.note_table_name(new_name);
        c_.note_column_types(*node.mapped());
        c_.note_triggers(*node.mapped());
        c_.tables_.insert(std::move(node));
        c_.indexes_.retarget(old_name, new_name);
        // A sequence keeps its name but stays owned by, and drawn on by, the renamed table (each
        // column names the sequence its default draws from, so the catalog's sequences need no walk).
        for (const Column& column : c_.tables_.at(new_name)->columns) {
          if (column.default_sequence.empty()) continue;
          const auto sequence = c_.sequences_.find(QualifiedName{old_name.schema, column.default_sequence});
          if (sequence == c_.sequences_.end()) continue;
          if (sequence->second.owned_by_table == old_name) sequence->second.owned_by_table = new_name;
          std::replace(sequence->second.drawn_by.begin(), sequence->second.drawn_by.end(), old_name, new_name);
        }
        retarget_references(c_.tables_.at(new_name).changed(), old_name);
        break;
      }
      case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX: {
        c_.relation_name_freed();
        const auto old_name = qualified_name(stmt.relation);
        // Renaming the index of a PRIMARY KEY, UNIQUE or EXCLUDE constraint renames the constraint,
        // which has the index's name (the replay keeps them the same, as PostgreSQL does).
        if (const Index* index = c_.find_index(old_name))
          if (Table* table = mutable_table_facts(index->table))
            if (Constraint* constraint = table->constraints.find(old_name.name);
                constraint && constraint->index == old_name.name) {
              constraint->index = stmt.newname;
              table->constraints.rename(*constraint, stmt.newname);
            }
        const QualifiedName new_name{old_name.schema, stmt.newname};
        // Its copies on the partitions stay its copies.
        std::vector<Index> copies;
        if (const Index* index = c_.find_index(old_name))
          if (const Table* table = c_.find_table(index->table))
            for (const auto& partition : table->partitions)
              for (const Index* copy : c_.indexes_of(partition))
                if (copy->parent == old_name) copies.push_back(*copy);
        for (Index& copy : copies) {
          copy.parent = new_name;
          c_.indexes_.put(std::move(copy));
        }
        c_.indexes_.rename(old_name, new_name);
        break;
      }
      case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
      case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN: rename_type(stmt); break;
      case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER: {  // ALTER TRIGGER … ON table RENAME TO
        if (!stmt.relation || !stmt.subname) break;
        const QualifiedName table = qualified_name(stmt.relation);
        const Table* known = c_.find_table_facts(table);
        if (!known || !known->triggers.find(stmt.subname)) break;
        NamedList<Trigger>& triggers = facts_for(table).triggers;
        triggers.rename(*triggers.find(stmt.subname), stmt.newname);
        break;
      }
      case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE: {
        c_.relation_name_freed();
        const QualifiedName old_name = qualified_name(stmt.relation);
        // A default names its sequence by OID: it follows the rename.
        for_each_column_drawing_from(old_name, [&](Table&, Column& column) { column.default_sequence = stmt.newname; });
        auto node = c_.sequences_.extract(old_name);
        if (node.empty()) return;
        node.key().name = stmt.newname;
        node.mapped().name.name = stmt.newname;
        c_.sequences_.insert(std::move(node));
        break;
      }
      case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN: {
        Table* table = mutable_table_facts(qualified_name(stmt.relation));
        if (!table && stmt.subname && stmt.relation_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE)
          table = &facts_for(qualified_name(stmt.relation));
        if (!table || !stmt.subname) return;
        record_contract(*table, stmt.subname, true);
        for (auto& column : table->columns)
          if (column.name == stmt.subname) column.name = stmt.newname;
        for (auto& constraint : table->constraints) {
          std::replace(constraint.columns.begin(), constraint.columns.end(), std::string(stmt.subname), std::string(stmt.newname));
          std::replace(constraint.proves_not_null.begin(), constraint.proves_not_null.end(), std::string(stmt.subname),
                       std::string(stmt.newname));
        }
        // The foreign keys that reference the column reference it by its new name.
        const auto references_renamed = [&](const Constraint& c) {
          return c.kind == ConstraintKind::ForeignKey && c.references == table->name &&
                 c.references_column(stmt.subname) == true;
        };
        for (const Table* referencing : c_.tables_referencing(table->name))
          if (std::ranges::any_of(referencing->constraints, references_renamed))  // copied only then
            if (Table* changed = mutable_table_facts(referencing->name))
              for (auto& constraint : changed->constraints)
                if (references_renamed(constraint))
                  std::replace(constraint.referenced_columns.begin(), constraint.referenced_columns.end(),
                               std::string(stmt.subname), std::string(stmt.newname));
        c_.indexes_.update_of_table(table->name, [&](Index& index) {
          std::replace(index.columns.begin(), index.columns.end(), std::string(stmt.subname), std::string(stmt.newname));
        });
        break;
      }
      case PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT: {
        Table* table = mutable_table_facts(qualified_name(stmt.relation));
        if (!table || !stmt.subname) return;
        if (!stmt.newname || std::string_view(stmt.subname) == stmt.newname) return;
        while (Constraint* renamed = table->constraints.find(stmt.subname)) {
          // A key's or exclusion constraint's index is renamed with it, as PostgreSQL does.
          if (!renamed->index.empty()) {
            c_.relation_name_freed();
            c_.indexes_.rename(QualifiedName{table->name.schema, renamed->index},
                               QualifiedName{table->name.schema, stmt.newname});
            renamed->index = stmt.newname;
          }
          table->constraints.rename(*renamed, stmt.newname);
        }
        break;
      }
      default: break;
    }
  }

  void drop(const PgQuery__DropStmt& stmt) {
    for (size_t i = 0; i < stmt.n_objects; ++i) {
      const auto* object = stmt.objects[i];
      switch (stmt.remove_type) {
        case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
        case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
        case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
        case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE: {
          const QualifiedName name = qualified_name(object);
          // CASCADE takes the views built on it along (and the views on those).
          if (stmt.behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE)
            for (const Table* view : c_.views_depending_on(name)) drop_table(QualifiedName(view->name));
          drop_table(name);
          break;
        }
        case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA:
          if (stmt.behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE) drop_schema(std::string(string_value(object)));
          break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
          c_.relation_name_freed();
          c_.indexes_.erase(qualified_name(object));
          break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE: {
          c_.relation_name_freed();
          const QualifiedName name = qualified_name(object);
          // CASCADE drops the defaults that draw from it (without it PostgreSQL refuses).
          if (stmt.behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE)
            for_each_column_drawing_from(name,
                                         [&](Table& table, Column& column) { set_default(table, column, nullptr); });
          c_.sequences_.erase(name);
          break;
        }
        case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN:
          if (object->node_case == PG_QUERY__NODE__NODE_TYPE_NAME)
            c_.domains_.erase(sql_type(object->type_name).qualified_name());
          break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
          if (object->node_case == PG_QUERY__NODE__NODE_TYPE_NAME)
            c_.enums_.erase(sql_type(object->type_name).qualified_name());
          break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
        case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
        case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE: {
          if (object->node_case != PG_QUERY__NODE__NODE_OBJECT_WITH_ARGS) break;
          const QualifiedName function =
              qualified_name(object->object_with_args->objname, object->object_with_args->n_objname);
          c_.functions_.erase(function);
          // CASCADE takes the triggers that run it along.
          if (stmt.behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE) drop_triggers_running(function);
          break;
        }
        case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER:
          // The object list is [schema.]table.name.
          if (object->node_case == PG_QUERY__NODE__NODE_LIST && object->list->n_items >= 2)
            drop_trigger(qualified_name(object->list->items, object->list->n_items - 1),
                         string_value(object->list->items[object->list->n_items - 1]));
          break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_EXTENSION: {
          const auto name = string_value(object);
          if (const auto it = c_.extensions_.find(name); it != c_.extensions_.end()) c_.extensions_.erase(it);
          break;
        }
        default: break;
      }
    }
  }

  // ALTER TYPE … RENAME TO: the columns of the type follow it (they refer to it, not to its name).
  void rename_type(const PgQuery__RenameStmt& stmt) {
    if (!stmt.object || stmt.object->node_case != PG_QUERY__NODE__NODE_LIST) return;
    const QualifiedName old_name = qualified_name(stmt.object);
    const QualifiedName new_name{old_name.schema, stmt.newname};
    if (auto node = c_.enums_.extract(old_name); !node.empty()) {
      node.key() = new_name;
      node.mapped().name = new_name;
      c_.enums_.insert(std::move(node));
    } else if (auto domain = c_.domains_.extract(old_name); !domain.empty()) {
      domain.key() = new_name;
      domain.mapped().name = new_name;
      c_.domains_.insert(std::move(domain));
    } else {
      return;
    }
    const std::vector<QualifiedName> typed = c_.tables_maybe_using_type(old_name);
    for (const QualifiedName& table_name : typed)
      for (auto* tables : {&c_.tables_, &c_.partial_tables_}) {
        const auto found = tables->find(table_name);
        if (found == tables->end()) continue;
        const auto& columns = found->second->columns;
        if (std::none_of(columns.begin(), columns.end(), [&](const Column& c) { return c.has_type(old_name); }))
          continue;
        for (auto& column : found->second.changed().columns)
          if (column.has_type(old_name)) {
            SqlType renamed = *column.type;
            renamed.name = stmt.newname;
            column.type = std::move(renamed);
            c_.note_column_type(table_name, *column.type);
          }
      }
  }

  // DROP SCHEMA … CASCADE: everything in it goes.
  // The schema's tables are found through Catalog::table_names_by_schema_, and its other objects
  // as one range of each map (ordered by schema first): the cost does not grow with the history.
  void drop_schema(const std::string& schema) {
    c_.relation_name_freed();
    if (auto names = c_.table_names_by_schema_.extract(schema); !names.empty())
      for (const QualifiedName& name : names.mapped()) drop_table(name);  // complete or partial
    const auto erase_schema = [&](auto& map) {
      const auto first = map.lower_bound(QualifiedName{schema, ""});
      auto last = first;
      while (last != map.end() && last->first.schema == schema) ++last;
      map.erase(first, last);
    };
    erase_schema(c_.sequences_);
    erase_schema(c_.domains_);
    erase_schema(c_.enums_);
    erase_schema(c_.functions_);
  }

  void drop_table(const QualifiedName& name) {
    c_.relation_name_freed();
    c_.partial_tables_.erase(name);
    const auto it = c_.tables_.find(name);
    if (it == c_.tables_.end()) return;
    if (it->second->partition_of)
      if (auto parent = c_.tables_.find(*it->second->partition_of); parent != c_.tables_.end()) {
        Table& parent_table = parent->second.changed();
        std::erase(parent_table.partitions, name);
        if (parent_table.default_partition_name == name) parent_table.default_partition_name.reset();
      }
    c_.tables_.erase(it);
    c_.indexes_.erase_of_table(name);
    std::erase_if(c_.sequences_, [&](const auto& entry) { return entry.second.owned_by_table == name; });
  }

  void create_trigger(const PgQuery__CreateTrigStmt& stmt) {
    if (!stmt.relation || !stmt.trigname) return;
    Table& table = facts_for(qualified_name(stmt.relation));
    // CREATE OR REPLACE TRIGGER (PostgreSQL 14+) replaces the table's trigger of that name.
    if (stmt.replace) table.triggers.erase(stmt.trigname);
    Trigger trigger{stmt.trigname, qualified_name(stmt.funcname, stmt.n_funcname), origin_, stmt.row != 0};
    c_.note_trigger(table.name, trigger.function);
    table.triggers.push_back(std::move(trigger));
  }

  // DROP TRIGGER: copies the table only when it has the trigger.
  void drop_trigger(const QualifiedName& table, std::string_view name) {
    const Table* known = c_.find_table_facts(table);
    if (known && known->triggers.find(name)) facts_for(table).triggers.erase(name);
  }

  // DROP FUNCTION … CASCADE: the triggers that run it go too.
  void drop_triggers_running(const QualifiedName& function) {
    for (const Table* table : c_.tables_with_triggers_running(function))
      facts_for(QualifiedName(table->name)).triggers.erase_if([&](const Trigger& t) { return t.function == function; });
  }

  void create_function(const PgQuery__CreateFunctionStmt& stmt) {
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
    c_.functions_[name] = Function{name, volatility, origin_};
  }

  // "d_check", then "d_check1", …: the first name the domain's CHECKs do not have (PostgreSQL looks at
  // every constraint of the schema).
  static std::string unnamed_check(Domain& domain) {
    return choose_free_name(domain.checks, domain.name.name, std::nullopt, "check");
  }

  void create_domain(const PgQuery__CreateDomainStmt& stmt) {
    const auto name = qualified_name(stmt.domainname, stmt.n_domainname);
    Domain domain{name, sql_type(stmt.type_name)};
    domain.origin = origin_;
    for (size_t i = 0; i < stmt.n_constraints; ++i) {
      if (stmt.constraints[i]->node_case != PG_QUERY__NODE__NODE_CONSTRAINT) continue;
      const auto& constraint = *stmt.constraints[i]->constraint;
      if (constraint.contype == PG_QUERY__CONSTR_TYPE__CONSTR_CHECK)
        domain.checks.push_back(
            {constraint.conname && *constraint.conname ? constraint.conname : unnamed_check(domain)});
      else if (constraint.contype == PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL)
        domain.not_null = true;
    }
    c_.domains_[name] = std::move(domain);
  }

  void alter_domain(const PgQuery__AlterDomainStmt& stmt) {
    const auto it = c_.domains_.find(qualified_name(stmt.type_name, stmt.n_type_name));
    if (it == c_.domains_.end() || !stmt.subtype) return;
    const std::string_view subtype = stmt.subtype;
    if (subtype == "C" && stmt.def && stmt.def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT &&
        stmt.def->constraint->contype == PG_QUERY__CONSTR_TYPE__CONSTR_CHECK) {
      const auto* conname = stmt.def->constraint->conname;
      it->second.checks.push_back({conname && *conname ? conname : unnamed_check(it->second)});
    } else if (subtype == "X" && stmt.name) {
      while (it->second.checks.erase(stmt.name)) {
      }
    } else if (subtype == "O") {
      it->second.not_null = true;
    } else if (subtype == "N") {
      it->second.not_null = false;
    }
  }

  Catalog& c_;
  Origin origin_;
  // The table CREATE TABLE is making, while it reads the columns and constraints: the table's own
  // indexes do not take its constraints' names. They are the ones this statement makes (PostgreSQL
  // makes one index of a UNIQUE (a) written twice), or, for a table that exists already (which
  // PostgreSQL refuses; a directory holding several projects' histories has them), the old
  // definition's, which the new one's replace.
  std::optional<QualifiedName> creating_table_;
};

void Catalog::apply(const Statement& stmt, Origin origin) {
  if (stmt.origin == StatementOrigin::FunctionBody || !stmt.node) return;
  origin.statement = stmt.range;
  CatalogReplay replay(*this, origin);
  replay.statement(*stmt.node);
  if (const auto change = data_change_of(stmt)) replay.data_change(*change);
}

}  // namespace zdlint
