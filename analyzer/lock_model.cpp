// The lock model for every statement except ALTER TABLE (lock_model_alter_table.cpp).
#include "analyzer/lock_model.h"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_set>
#include <utility>

#include "analyzer/lock_effects_builder.h"
#include "analyzer/session.h"

namespace zdlint {

void alter_table_effects(const PgQuery__AlterTableStmt& stmt, const Session& session, EffectsBuilder& out);
void drop_effects(const PgQuery__DropStmt& stmt, EffectsBuilder& out);

namespace {

// The relations a view's query reads, in `mode`, and through the views among them theirs: what the
// rewriter locks when it expands a view a statement runs, and LOCK TABLE on a view (PostgreSQL 11+).
// `why` ends each note ("read by view v, <why>").
void view_bases(const Table& view, LockMode mode, std::string_view why, EffectsBuilder& out) {
  std::vector<const Table*> pending{&view};
  while (!pending.empty()) {
    const Table* next = pending.back();
    pending.pop_back();
    for (const QualifiedName& base : next->reads) {
      if (out.result().find(base)) continue;  // locked already (a relation read twice, or a cycle)
      LockEffect& effect = out.on(base, mode);
      effect.note = fmt::format("read by view {}, {}", next->name.str(), why);
      if (const Table* table = out.catalog().find_table(base); table && table->kind == RelationKind::View)
        pending.push_back(table);
    }
  }
}

// The names of the columns `clause` refers to (the last part of each column reference).
std::unordered_set<std::string_view> columns_named(const PgQuery__Node* clause) {
  std::unordered_set<std::string_view> named;
  walk_nodes(clause, [&](const PgQuery__Node& node) {
    if (node.node_case != PG_QUERY__NODE__NODE_COLUMN_REF || node.column_ref->n_fields == 0) return;
    const PgQuery__Node* last = node.column_ref->fields[node.column_ref->n_fields - 1];
    if (last->node_case == PG_QUERY__NODE__NODE_STRING) named.insert(string_value(last));
  });
  return named;
}

// The partitions below a partitioned table that a statement plans for, each in `mode`, and when
// `indexes` the indexes of those with storage (UPDATE and DELETE lock them in the same mode). From
// PostgreSQL 12 on the planner skips the partitions `clause` rules out: a partition below a table
// whose partition key `clause` names may be skipped, so its locks are marked assumed. zdlint does
// not evaluate the bounds.
void planned_partitions(const Table& table, LockMode mode, bool indexes, const PgQuery__Node* clause,
                        std::string_view clause_name, EffectsBuilder& out) {
  const size_t before = out.result().effects.size();
  for (const auto& leaf : out.partitions_below(table, mode))
    if (indexes) out.indexes_of(leaf, mode, false);
  if (out.pg_version() < 12 || !clause) return;
  const std::unordered_set<std::string_view> named = columns_named(clause);
  if (named.empty()) return;
  std::unordered_set<QualifiedName, QualifiedNameHash> added;  // what this call locked first
  for (size_t i = before; i < out.result().effects.size(); ++i) added.insert(out.result().effects[i].relation);
  const auto assume = [&](const QualifiedName& name, std::string_view what) {
    if (!added.contains(name)) return;
    LockEffect& effect = *out.result().find(name);
    effect.assumed = true;
    effect.note = fmt::format("{}, unless {} rules it out (partition pruning)", what, clause_name);
  };
  const Catalog& catalog = out.catalog();
  std::unordered_set<QualifiedName, QualifiedNameHash> prunable;
  // Each partition comes after the table it is a partition of.
  for (const QualifiedName& partition : catalog.partitions_below(table)) {
    const Table* known = catalog.find_table(partition);
    const Table* parent = known && known->partition_of ? catalog.find_table(*known->partition_of) : &table;
    if (!parent) continue;
    const bool key_named = std::any_of(parent->partition_key.begin(), parent->partition_key.end(),
                                       [&](const std::string& column) { return named.contains(column); });
    if (!key_named && !prunable.contains(parent->name)) continue;
    prunable.insert(partition);
    assume(partition, "a partition of " + parent->name.str());
    if (indexes)
      for (const Index* index : catalog.indexes_of(partition)) assume(index->name, "an index of " + partition.str());
  }
}

// A relation a statement reads: AccessShareLock, and through a view what its query reads. Returns
// the relation's kind, as the catalog knows it.
RelationKind read_relation(const QualifiedName& name, EffectsBuilder& out) {
  const LockEffect& effect = out.on(name, LockMode::AccessShare);
  const RelationKind kind = effect.known ? effect.kind : RelationKind::Table;
  if (kind != RelationKind::View) return kind;
  if (const Table* view = out.catalog().find_table(name)) view_bases(*view, LockMode::AccessShare, "expanded", out);
  return kind;
}

// Relations a query reads take AccessShareLock, and a view the relations it reads: the rewriter
// expands it. `with`: the WITH clause of the statement `query` is a part of, whose names are no
// relations.
void reads(const PgQuery__Node* query, EffectsBuilder& out, const PgQuery__WithClause* with = nullptr) {
  for (const auto& [name, with_descendants] : relations_named_with_only(query, with)) {
    // A partitioned table's partitions are planned for too, unless it is read ONLY.
    if (read_relation(name, out) == RelationKind::PartitionedTable && with_descendants)
      if (const Table* table = out.catalog().find_table(name))
        planned_partitions(*table, LockMode::AccessShare, false, query, "the query", out);
  }
}

void insert(const PgQuery__InsertStmt& stmt, EffectsBuilder& out);
void update(const PgQuery__UpdateStmt& stmt, EffectsBuilder& out);
void remove(const PgQuery__DeleteStmt& stmt, EffectsBuilder& out);

// What the queries of a WITH clause lock: a data-modifying one (WITH d AS (DELETE … RETURNING …))
// what that statement would on its own, any other the relations it reads.
void reads_with(const PgQuery__WithClause& with, EffectsBuilder& out) {
  for (size_t i = 0; i < with.n_ctes; ++i) {
    const PgQuery__Node* cte = with.ctes[i];
    const PgQuery__Node* query =
        cte->node_case == PG_QUERY__NODE__NODE_COMMON_TABLE_EXPR ? cte->common_table_expr->ctequery : nullptr;
    switch (query ? query->node_case : PG_QUERY__NODE__NODE__NOT_SET) {
      case PG_QUERY__NODE__NODE_INSERT_STMT:
        insert(*query->insert_stmt, out);
        break;
      case PG_QUERY__NODE__NODE_UPDATE_STMT:
        update(*query->update_stmt, out);
        break;
      case PG_QUERY__NODE__NODE_DELETE_STMT:
        remove(*query->delete_stmt, out);
        break;
      default:  // a query, which may read the WITH queries before it
        reads(cte, out, &with);
        break;
    }
  }
}

// nextval()/setval() with a literal sequence name take RowExclusiveLock on the sequence.
void sequence_calls(const PgQuery__Node* root, EffectsBuilder& out) {
  walk_nodes(root, [&](const PgQuery__Node& node) {
    if (node.node_case != PG_QUERY__NODE__NODE_FUNC_CALL) return;
    const auto& call = *node.func_call;
    if (call.n_funcname == 0 || call.n_args == 0) return;
    const auto name = string_value(call.funcname[call.n_funcname - 1]);
    if (name != "nextval" && name != "setval") return;
    if (const auto sequence = sequence_literal(call.args[0]))
      out.on(*sequence, LockMode::RowExclusive, RelationKind::Sequence);
  });
}

// The queries that check a foreign key for each new or changed row of `table`: each looks up the
// referenced row FOR KEY SHARE, so RowShareLock on the referenced table, and on every index of it,
// which the planner locks in the query's mode.
void foreign_key_checks(const Table* table, EffectsBuilder& out, std::string_view why) {
  foreign_key_targets(table, LockMode::RowShare, out, why);
  if (!table) return;
  for (const auto& constraint : table->constraints)
    if (constraint.kind == ConstraintKind::ForeignKey && constraint.references != table->name)
      out.indexes_of(constraint.references, LockMode::RowShare, false);
}

void create_table(const PgQuery__CreateStmt& stmt, EffectsBuilder& out) {
  const auto name = qualified_name(stmt.relation);
  if (stmt.if_not_exists && out.catalog().relation_kind(name)) return;  // a no-op with a notice
  out.created(name, stmt.partspec ? RelationKind::PartitionedTable : RelationKind::Table);
  const auto reference = [&](const PgQuery__Constraint& constraint) {
    if (constraint.contype != PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN || !constraint.pktable) return;
    const auto parent = qualified_name(constraint.pktable);
    if (parent == name) return;
    LockEffect& effect = out.on(parent, foreign_key_lock(out.pg_version()));
    if (effect.note.empty()) effect.note = "referenced by the new table's foreign key";
  };
  for (size_t i = 0; i < stmt.n_table_elts; ++i) {
    const auto* elt = stmt.table_elts[i];
    if (elt->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) {
      reference(*elt->constraint);
    } else if (elt->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) {
      for (size_t k = 0; k < elt->column_def->n_constraints; ++k)
        if (elt->column_def->constraints[k]->node_case == PG_QUERY__NODE__NODE_CONSTRAINT)
          reference(*elt->column_def->constraints[k]->constraint);
    } else if (elt->node_case == PG_QUERY__NODE__NODE_TABLE_LIKE_CLAUSE) {
      out.on(qualified_name(elt->table_like_clause->relation), LockMode::AccessShare);
    }
  }
  for (size_t i = 0; i < stmt.n_inh_relations; ++i) {
    if (stmt.inh_relations[i]->node_case != PG_QUERY__NODE__NODE_RANGE_VAR) continue;
    const auto parent_name = qualified_name(stmt.inh_relations[i]->range_var);
    if (!stmt.partbound) {
      out.on(parent_name, LockMode::ShareUpdateExclusive).note = "inheritance parent";
      continue;
    }
    // PARTITION OF: AccessExclusiveLock on the parent (unlike ATTACH PARTITION), which also stalls
    // writes sent straight to its other partitions; the default partition is locked and scanned.
    LockEffect& parent = out.on(parent_name, LockMode::AccessExclusive, RelationKind::PartitionedTable);
    parent.note = "the partitioned table a partition is created in";
    out.indexes_of(parent_name, LockMode::ShareUpdateExclusive, false);
    if (const Table* parent_table = out.catalog().find_table(parent_name); parent_table && !stmt.partbound->is_default)
      lock_default_partition(*parent_table, out);
  }
}

void create_index(const PgQuery__IndexStmt& stmt, EffectsBuilder& out) {
  const auto table = qualified_name(stmt.relation);
  const QualifiedName index = index_name(stmt);
  StatementEffects& result = out.result();
  if (stmt.if_not_exists && out.catalog().find_index(index)) {
    // The table is locked before the name is checked; then nothing is built.
    out.on(table, stmt.concurrent ? LockMode::ShareUpdateExclusive : LockMode::Share);
    result.refuses_transaction = stmt.concurrent;
    return;
  }
  result.concurrently = stmt.concurrent;
  result.refuses_transaction = stmt.concurrent;
  const LockMode mode = stmt.concurrent ? LockMode::ShareUpdateExclusive : LockMode::Share;
  LockEffect& target = out.on(table, mode);
  const Table* known = out.catalog().find_table(table);
  const bool partitioned = known && known->kind == RelationKind::PartitionedTable;
  if (partitioned && stmt.concurrent)
    result.fails_because = "PostgreSQL cannot create an index on a partitioned table concurrently";
  if (partitioned) {
    // Each partition below gets a copy of the index, built like the table's own would be.
    if (stmt.relation->inh)
      for (const auto& leaf : out.partitions_below(*known, mode)) out.on(leaf, mode).scan = true;
  } else {
    target.scan = true;
  }
  out.created(index, RelationKind::Index);
}

// `name`, then its partitions and, with CASCADE, the tables referencing it, each with theirs, depth
// first; with RESTART IDENTITY, the sequences each owns. A walk with a stack of its own: a chain of
// foreign keys may be 100,000 tables long.
void truncate_one(const QualifiedName& name, bool cascade, bool restart_identity, EffectsBuilder& out) {
  std::vector<QualifiedName> stack{name};  // the next to visit last
  while (!stack.empty()) {
    const QualifiedName next = std::move(stack.back());
    stack.pop_back();
    if (const LockEffect* done = out.result().find(next); done && done->lock == LockMode::AccessExclusive) continue;
    out.on(next, LockMode::AccessExclusive).note = "swapped for new empty files; no data is copied";
    const Table* table = out.catalog().find_table(next);
    // A partitioned table and its indexes have no storage of their own; its partitions do.
    if (!table || table->kind != RelationKind::PartitionedTable) out.indexes_of(next, LockMode::AccessExclusive, false);
    if (!table) continue;
    if (restart_identity) out.owned_sequences(*table, {}, LockMode::AccessExclusive, "restarted (RESTART IDENTITY)");
    const size_t first_pushed = stack.size();
    for (const auto& partition : table->partitions) stack.push_back(partition);
    if (cascade)
      for (const Table* child : out.catalog().tables_referencing(next)) stack.push_back(child->name);
    std::reverse(stack.begin() + static_cast<std::ptrdiff_t>(first_pushed), stack.end());
  }
}

void truncate(const PgQuery__TruncateStmt& stmt, EffectsBuilder& out) {
  const bool cascade = stmt.behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
  for (size_t i = 0; i < stmt.n_relations; ++i)
    if (stmt.relations[i]->node_case == PG_QUERY__NODE__NODE_RANGE_VAR)
      truncate_one(qualified_name(stmt.relations[i]->range_var), cascade, stmt.restart_seqs, out);
}

void reindex_table(const QualifiedName& name, LockMode table_mode, LockMode index_mode, bool concurrently,
                   EffectsBuilder& out) {
  LockEffect& table = out.on(name, table_mode);
  table.scan = true;
  if (!concurrently) table.reads_blocked_via_index = true;
  for (const Index* index : out.catalog().indexes_of(name)) {
    LockEffect& effect = out.on(index->name, index_mode, RelationKind::Index);
    effect.index_rebuilt = effect.scan = true;
  }
}

void reindex(const PgQuery__ReindexStmt& stmt, EffectsBuilder& out) {
  const bool concurrently = has_option(stmt.params, stmt.n_params, "concurrently");
  StatementEffects& result = out.result();
  result.concurrently = concurrently;
  const LockMode table_mode = concurrently ? LockMode::ShareUpdateExclusive : LockMode::Share;
  // The rebuilt index is locked AccessExclusive unless CONCURRENTLY, which stalls every SELECT
  // on the table: the planner locks all of a table's indexes.
  const LockMode index_mode = concurrently ? LockMode::ShareUpdateExclusive : LockMode::AccessExclusive;
  switch (stmt.kind) {
    case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_INDEX: {
      result.refuses_transaction = concurrently;
      const auto name = qualified_name(stmt.relation);
      const Index* known = out.catalog().find_index(name);
      const std::vector<const Index*> copies = known ? out.catalog().index_copies(*known) : std::vector<const Index*>{};
      if (!copies.empty() && out.pg_version() >= 14) {
        // PostgreSQL 14+ rebuilds each partition's copy in a transaction of its own; the
        // partitioned table's index has no storage.
        result.refuses_transaction = true;
        out.on(name, index_mode, RelationKind::Index);
        out.on(known->table, table_mode);
        for (const Index* copy : copies) {
          const Table* partition = out.catalog().find_table(copy->table);
          if (partition && partition->kind == RelationKind::PartitionedTable) continue;  // no storage either
          LockEffect& rebuilt = out.on(copy->name, index_mode, RelationKind::Index);
          rebuilt.index_rebuilt = rebuilt.scan = true;
          out.on(copy->table, table_mode);
        }
        break;
      }
      LockEffect& index = out.on(name, index_mode, RelationKind::Index);
      index.index_rebuilt = index.scan = true;
      if (known) {
        out.on(known->table, table_mode);
      } else if (!concurrently) {
        index.reads_blocked_via_index = true;
        index.note = "its table is unknown to zdlint: REINDEX also locks it in ShareLock";
      }
      break;
    }
    case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_TABLE: {
      result.refuses_transaction = concurrently;
      const auto name = qualified_name(stmt.relation);
      const Table* known = out.catalog().find_table(name);
      if (known && known->kind == RelationKind::PartitionedTable && out.pg_version() >= 14) {
        // PostgreSQL 14+ reindexes each partition in a transaction of its own; the partitioned
        // table and its indexes have no storage.
        result.refuses_transaction = true;
        out.on(name, table_mode);
        for (const auto& leaf : out.partitions_below(*known, table_mode))
          reindex_table(leaf, table_mode, index_mode, concurrently, out);
        break;
      }
      reindex_table(name, table_mode, index_mode, concurrently, out);
      break;
    }
    default:
      // SCHEMA, DATABASE, SYSTEM: every table in them; never inside a transaction block.
      result.refuses_transaction = true;
      break;
  }
}

void vacuum_one(const QualifiedName& name, bool is_vacuum, bool full, EffectsBuilder& out) {
  if (is_vacuum && full) {
    out.rewrite(name, "VACUUM FULL copies the whole table and rebuilds every index");
  } else {
    out.on(name, LockMode::ShareUpdateExclusive);
    if (is_vacuum) out.indexes_of(name, LockMode::RowExclusive, false);
  }
}

void vacuum(const PgQuery__VacuumStmt& stmt, EffectsBuilder& out) {
  const bool full = has_option(stmt.options, stmt.n_options, "full");
  out.result().refuses_transaction = stmt.is_vacuumcmd;
  for (size_t i = 0; i < stmt.n_rels; ++i) {
    if (stmt.rels[i]->node_case != PG_QUERY__NODE__NODE_VACUUM_RELATION) continue;
    const auto name = qualified_name(stmt.rels[i]->vacuum_relation->relation);
    const Table* table = out.catalog().find_table(name);
    if (table && table->kind == RelationKind::PartitionedTable) {
      // Each partition is processed, each in a transaction of its own for VACUUM; the partitioned
      // table itself, which has no rows, only for ANALYZE (the statistics of the whole tree).
      out.on(name, stmt.is_vacuumcmd ? LockMode::AccessShare : LockMode::ShareUpdateExclusive);
      for (const auto& leaf : out.partitions_below(*table, LockMode::ShareUpdateExclusive))
        vacuum_one(leaf, stmt.is_vacuumcmd, full, out);
      continue;
    }
    vacuum_one(name, stmt.is_vacuumcmd, full, out);
  }
}

void refresh_matview(const PgQuery__RefreshMatViewStmt& stmt, EffectsBuilder& out) {
  const auto name = qualified_name(stmt.relation);
  if (const Table* view = out.catalog().find_table(name); view && !stmt.skip_data)
    for (const auto& source : view->reads) read_relation(source, out);
  out.result().concurrently = stmt.concurrent;
  if (stmt.concurrent) {
    LockEffect& view = out.on(name, LockMode::Exclusive, RelationKind::MaterializedView);
    view.scan = true;
    out.indexes_of(name, LockMode::RowExclusive, false);
  } else {
    LockEffect& view = out.on(name, LockMode::AccessExclusive, RelationKind::MaterializedView);
    view.rewrite = true;
    view.scan = !stmt.skip_data;  // WITH NO DATA empties it: no query runs
    out.indexes_of(name, LockMode::AccessExclusive, true);
  }
}

void comment(const PgQuery__CommentStmt& stmt, EffectsBuilder& out) {
  const auto* object = stmt.object;
  if (!object || object->node_case != PG_QUERY__NODE__NODE_LIST) return;
  const auto& items = *object->list;
  switch (stmt.objtype) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
      out.on(qualified_name(items.items, items.n_items), LockMode::ShareUpdateExclusive, kind_of(stmt.objtype));
      break;
    case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN:
      if (items.n_items >= 2) out.on(qualified_name(items.items, items.n_items - 1), LockMode::ShareUpdateExclusive);
      break;
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT:
    case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER:
    case PG_QUERY__OBJECT_TYPE__OBJECT_POLICY:
    case PG_QUERY__OBJECT_TYPE__OBJECT_RULE:
      // An object of a table is looked up through the table, opened in AccessShareLock
      // (get_object_address_relobject), whatever lock COMMENT asks for.
      if (items.n_items >= 2) out.on(qualified_name(items.items, items.n_items - 1), LockMode::AccessShare);
      break;
    default: break;
  }
}

void lock_table(const PgQuery__LockStmt& stmt, EffectsBuilder& out) {
  const auto mode = stmt.mode >= 1 && stmt.mode <= 8 ? static_cast<LockMode>(stmt.mode) : LockMode::AccessExclusive;
  for (size_t i = 0; i < stmt.n_relations; ++i) {
    if (stmt.relations[i]->node_case != PG_QUERY__NODE__NODE_RANGE_VAR) continue;
    const auto* relation = stmt.relations[i]->range_var;
    const auto name = qualified_name(relation);
    out.on(name, mode);
    const Table* table = out.catalog().find_table(name);
    if (table && relation->inh && table->kind == RelationKind::PartitionedTable) out.partitions_below(*table, mode);
    if (table && table->kind == RelationKind::View && out.pg_version() >= 11)
      view_bases(*table, mode, "locked with it", out);
  }
}

// A column, a CHECK constraint or (PostgreSQL 15+) a row trigger of a partitioned table is renamed
// in every partition too, under AccessExclusiveLock. (A key's name is the parent's own.)
void rename_in_partitions(const PgQuery__RenameStmt& stmt, const Table& table, int pg_version, EffectsBuilder& out) {
  if (table.kind != RelationKind::PartitionedTable) return;
  switch (stmt.rename_type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN:
      out.partitions_below(table, LockMode::AccessExclusive);
      break;
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT:
      if (const Constraint* renamed = table.constraints.find(stmt.subname);
          renamed && renamed->kind == ConstraintKind::Check)
        out.partitions_below(table, LockMode::AccessExclusive);
      break;
    case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER:
      if (pg_version >= 15) row_trigger_clones(table, stmt.subname, LockMode::AccessExclusive, out);
      break;
    default:
      break;
  }
}

// UPDATE and DELETE are planned: the planner locks every index of the target in the table's mode.
// A partitioned table's own indexes have no storage; the planner locks each partition below it and
// their indexes, but (PostgreSQL 12+) not the partitions the WHERE clause rules out.
void dml_target(const PgQuery__RangeVar* relation, const PgQuery__Node* where, EffectsBuilder& out) {
  const auto name = qualified_name(relation);
  out.on(name, LockMode::RowExclusive);
  const Table* table = out.catalog().find_table(name);
  // With ONLY, a partitioned table alone is planned for, like any table.
  if (!table || table->kind != RelationKind::PartitionedTable || !relation->inh) {
    out.indexes_of(name, LockMode::RowExclusive, false);
    return;
  }
  planned_partitions(*table, LockMode::RowExclusive, true, where, "the WHERE clause", out);
}

void insert(const PgQuery__InsertStmt& stmt, EffectsBuilder& out) {
  reads(stmt.select_stmt, out, stmt.with_clause);
  if (stmt.with_clause) reads_with(*stmt.with_clause, out);
  sequence_calls(stmt.select_stmt, out);
  // INSERT plans no scan of its target, so only the table is locked when the statement starts.
  const auto name = qualified_name(stmt.relation);
  out.on(name, LockMode::RowExclusive);
  if (stmt.on_conflict_clause) out.indexes_of(name, LockMode::RowExclusive, false);
  // Columns left to a nextval() default call it: RowExclusiveLock on the sequence.
  if (const Table* table = out.catalog().find_table(name)) {
    const auto listed = [&](const std::string& column) {
      for (size_t i = 0; i < stmt.n_cols; ++i)
        if (stmt.cols[i]->node_case == PG_QUERY__NODE__NODE_RES_TARGET && stmt.cols[i]->res_target->name &&
            column == stmt.cols[i]->res_target->name)
          return true;
      return false;
    };
    for (const auto& column : table->columns)
      if (!column.default_sequence.empty() && stmt.n_cols > 0 && !listed(column.name))
        out.on({name.schema, column.default_sequence}, LockMode::RowExclusive, RelationKind::Sequence);
  }
  // Foreign-key checks lock the referenced rows FOR KEY SHARE: RowShareLock on the parent.
  foreign_key_checks(out.catalog().find_table(qualified_name(stmt.relation)), out,
                     "foreign-key checks of the inserted rows");
}

void update(const PgQuery__UpdateStmt& stmt, EffectsBuilder& out) {
  for (size_t i = 0; i < stmt.n_from_clause; ++i) reads(stmt.from_clause[i], out, stmt.with_clause);
  reads(stmt.where_clause, out, stmt.with_clause);
  for (size_t i = 0; i < stmt.n_target_list; ++i)
    reads(stmt.target_list[i], out, stmt.with_clause);  // SET x = (SELECT …)
  if (stmt.with_clause) reads_with(*stmt.with_clause, out);
  sequence_calls(stmt.where_clause, out);
  for (size_t i = 0; i < stmt.n_target_list; ++i) sequence_calls(stmt.target_list[i], out);
  dml_target(stmt.relation, stmt.where_clause, out);
  const auto name = qualified_name(stmt.relation);
  // Every row of the table, in one transaction: row locks on all of them until commit.
  if (!stmt.where_clause && stmt.n_from_clause == 0) out.on(name, LockMode::RowExclusive).scan = true;
  const Table* table = out.catalog().find_table(name);
  if (!table) return;
  for (const auto& constraint : table->constraints) {
    if (constraint.kind != ConstraintKind::ForeignKey) continue;
    for (size_t i = 0; i < stmt.n_target_list; ++i) {
      const auto* target = stmt.target_list[i];
      if (target->node_case == PG_QUERY__NODE__NODE_RES_TARGET && target->res_target->name &&
          std::find(constraint.columns.begin(), constraint.columns.end(), target->res_target->name) !=
              constraint.columns.end()) {
        out.on(constraint.references, LockMode::RowShare).note = "foreign-key checks of the updated rows";
        out.indexes_of(constraint.references, LockMode::RowShare, false);
      }
    }
  }
}

void remove(const PgQuery__DeleteStmt& stmt, EffectsBuilder& out) {
  for (size_t i = 0; i < stmt.n_using_clause; ++i) reads(stmt.using_clause[i], out, stmt.with_clause);
  reads(stmt.where_clause, out, stmt.with_clause);
  if (stmt.with_clause) reads_with(*stmt.with_clause, out);
  dml_target(stmt.relation, stmt.where_clause, out);
  const auto name = qualified_name(stmt.relation);
  if (!stmt.where_clause && stmt.n_using_clause == 0) out.on(name, LockMode::RowExclusive).scan = true;
  // Each foreign key's trigger runs a query on the referencing table for each deleted row: ON DELETE
  // CASCADE deletes the referencing rows and SET NULL or SET DEFAULT updates them (RowExclusiveLock),
  // NO ACTION and RESTRICT look them up FOR KEY SHARE (RowShareLock). The planner locks every index
  // of the table in the query's mode.
  for (const Table* child : out.catalog().tables_referencing(name)) {
    if (child->name == name) continue;  // its own rows: RowExclusiveLock already
    const bool writes = std::any_of(child->constraints.begin(), child->constraints.end(), [&](const Constraint& key) {
      return key.kind == ConstraintKind::ForeignKey && key.references == name && key.delete_writes_referencing_rows;
    });
    const LockMode mode = writes ? LockMode::RowExclusive : LockMode::RowShare;
    LockEffect& effect = out.on(child->name, mode);
    if (effect.note.empty())
      effect.note = writes
                        ? "ON DELETE CASCADE, SET NULL or SET DEFAULT writes its rows that reference the deleted ones"
                        : "foreign-key checks of the deleted rows";
    out.indexes_of(child->name, mode, false);
  }
}

void select(const PgQuery__SelectStmt& stmt, const PgQuery__Node& node, EffectsBuilder& out) {
  reads(&node, out);
  if (stmt.with_clause) reads_with(*stmt.with_clause, out);
  sequence_calls(&node, out);
  if (stmt.n_locking_clause > 0)
    for (const auto& name : relations_named(&node)) {
      out.on(name, LockMode::RowShare);
      out.indexes_of(name, LockMode::RowShare, false);
    }
}

void alter_domain(const PgQuery__AlterDomainStmt& stmt, EffectsBuilder& out) {
  if (!stmt.subtype) return;
  const std::string_view subtype = stmt.subtype;
  bool validates = subtype == "V" || subtype == "O";
  if (subtype == "C" && stmt.def && stmt.def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT)
    validates = !stmt.def->constraint->skip_validation;
  if (!validates) return;
  // Every column of the domain is checked: ShareLock and a scan of each table that uses it.
  for (const Table* table : out.catalog().tables_using_domain(qualified_name(stmt.type_name, stmt.n_type_name))) {
    LockEffect& effect = out.on(table->name, LockMode::Share);
    effect.scan = true;
    effect.note = "has a column of the domain, checked row by row";
  }
}

}  // namespace

const Constraint* bound_proof(const Table& partition, const Table& parent) {
  for (const auto& constraint : partition.constraints) {
    if (constraint.kind != ConstraintKind::Check || !constraint.validated) continue;
    for (const auto& column : constraint.columns)
      if (std::find(parent.partition_key.begin(), parent.partition_key.end(), column) != parent.partition_key.end())
        return &constraint;
  }
  return nullptr;
}

void lock_default_partition(const Table& parent, EffectsBuilder& out) {
  const Table* existing = out.catalog().default_partition_of(parent);
  if (!existing) return;
  LockEffect& effect = out.on(existing->name, LockMode::AccessExclusive);
  if (const Constraint* proof = bound_proof(*existing, parent)) {
    effect.note = fmt::format("the default partition; its validated CHECK {} rules out rows of the new bound: no scan",
                              proof->name);
  } else {
    effect.scan = true;
    effect.note = "the default partition, scanned for rows that belong to the new bound";
  }
}

RelationKind kind_of(PgQuery__ObjectType type) {
  switch (type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX: return RelationKind::Index;
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW: return RelationKind::View;
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW: return RelationKind::MaterializedView;
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE: return RelationKind::Sequence;
    default: return RelationKind::Table;
  }
}

LockMode foreign_key_lock(int pg_version) {
  // Before 9.5 adding a foreign key took AccessExclusiveLock on both tables.
  return pg_version < 10 ? LockMode::AccessExclusive : LockMode::ShareRowExclusive;
}

void row_trigger_clones(const Table& table, std::string_view trigger, LockMode mode, EffectsBuilder& out) {
  const Trigger* known = table.triggers.find(trigger);
  if (table.kind == RelationKind::PartitionedTable && known && known->row) out.partitions_below(table, mode);
}

void foreign_key_targets(const Table* table, LockMode mode, EffectsBuilder& out, std::string_view why) {
  if (!table) return;
  for (const auto& constraint : table->constraints)
    if (constraint.kind == ConstraintKind::ForeignKey) {
      LockEffect& parent = out.on(constraint.references, mode);
      if (parent.note.empty()) parent.note = std::string(why);
    }
}

bool has_option(PgQuery__Node* const* options, size_t n_options, std::string_view name) {
  for (size_t i = 0; i < n_options; ++i) {
    const auto* option = options[i];
    if (option->node_case != PG_QUERY__NODE__NODE_DEF_ELEM || !option->def_elem->defname) continue;
    if (std::string_view(option->def_elem->defname) != name) continue;
    // (CONCURRENTLY false) turns it off.
    const auto* arg = option->def_elem->arg;
    if (arg && arg->node_case == PG_QUERY__NODE__NODE_BOOLEAN) return arg->boolean->boolval;
    if (arg && arg->node_case == PG_QUERY__NODE__NODE_STRING) {
      const auto value = string_value(arg);
      return value != "false" && value != "off" && value != "0";
    }
    return true;
  }
  return false;
}

std::string_view to_string(Cost cost) { return cost == Cost::CatalogOnly ? "catalog-only" : "proportional"; }

Blocked LockEffect::blocks() const {
  Blocked blocked = blocked_by(lock);
  if (reads_blocked_via_index) blocked.reads = true;
  return blocked;
}

LockEffect& StatementEffects::add(LockEffect&& effect) {
  LockEffect& added = effects.emplace_back(std::move(effect));
  if (!by_relation_.empty()) {
    by_relation_.emplace(added.relation, effects.size() - 1);
  } else if (effects.size() > kSearchedOneByOne) {
    for (size_t i = 0; i < effects.size(); ++i) by_relation_.emplace(effects[i].relation, i);
  }
  return added;
}

const LockEffect* StatementEffects::find(const QualifiedName& relation) const {
  if (!by_relation_.empty()) {
    const auto it = by_relation_.find(relation);
    return it == by_relation_.end() ? nullptr : &effects[it->second];
  }
  const auto it =
      std::find_if(effects.begin(), effects.end(), [&](const LockEffect& e) { return e.relation == relation; });
  return it == effects.end() ? nullptr : &*it;
}

LockEffect* StatementEffects::find(const QualifiedName& relation) {
  return const_cast<LockEffect*>(std::as_const(*this).find(relation));
}

LockMode StatementEffects::strongest() const {
  LockMode mode = LockMode::None;
  for (const auto& effect : effects) mode = std::max(mode, effect.lock);
  return mode;
}

LockMode StatementEffects::strongest_on_pre_existing() const {
  LockMode mode = LockMode::None;
  for (const auto& effect : effects)
    if (effect.pre_existing()) mode = std::max(mode, effect.lock);
  return mode;
}

bool StatementEffects::rewrites() const {
  return std::any_of(effects.begin(), effects.end(), [](const LockEffect& e) { return e.rewrite; });
}

bool StatementEffects::scans() const {
  return std::any_of(effects.begin(), effects.end(), [](const LockEffect& e) { return e.scan; });
}

StatementEffects lock_model(const LockModelInput& input) {
  EffectsBuilder out(input.catalog, input.file, input.pg_version);
  // Statements inside function bodies run when the function is called, not by the migration.
  if (!input.stmt.node || input.stmt.origin == StatementOrigin::FunctionBody) return out.finish();
  const PgQuery__Node& node = *input.stmt.node;
  switch (node.node_case) {
    case PG_QUERY__NODE__NODE_CREATE_STMT: create_table(*node.create_stmt, out); break;
    case PG_QUERY__NODE__NODE_INDEX_STMT: create_index(*node.index_stmt, out); break;
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT: alter_table_effects(*node.alter_table_stmt, input.session, out); break;
    case PG_QUERY__NODE__NODE_DROP_STMT:
      drop_effects(*node.drop_stmt, out);
      break;
    case PG_QUERY__NODE__NODE_TRUNCATE_STMT: truncate(*node.truncate_stmt, out); break;
    case PG_QUERY__NODE__NODE_REINDEX_STMT: reindex(*node.reindex_stmt, out); break;
    case PG_QUERY__NODE__NODE_VACUUM_STMT: vacuum(*node.vacuum_stmt, out); break;
    case PG_QUERY__NODE__NODE_CLUSTER_STMT:
      if (node.cluster_stmt->relation)
        out.rewrite(qualified_name(node.cluster_stmt->relation), "CLUSTER copies the table in index order");
      else
        out.result().refuses_transaction = true;  // every previously clustered table
      break;
    case PG_QUERY__NODE__NODE_REFRESH_MAT_VIEW_STMT: refresh_matview(*node.refresh_mat_view_stmt, out); break;
    case PG_QUERY__NODE__NODE_RENAME_STMT: {
      const auto& stmt = *node.rename_stmt;
      if (!stmt.relation) break;
      const auto name = qualified_name(stmt.relation);
      // PostgreSQL 12 lowered ALTER INDEX … RENAME to ShareUpdateExclusiveLock.
      const LockMode index_rename = input.pg_version >= 12 ? LockMode::ShareUpdateExclusive : LockMode::AccessExclusive;
      if (stmt.rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_INDEX) {
        out.on(name, index_rename, RelationKind::Index);
        break;
      }
      out.on(name, LockMode::AccessExclusive, kind_of(stmt.relation_type));
      if (const Table* table = out.catalog().find_table(name); table && stmt.relation->inh && stmt.subname)
        rename_in_partitions(stmt, *table, input.pg_version, out);
      // A key or exclusion constraint's index is renamed with it.
      if (stmt.rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT && stmt.subname)
        if (const Table* table = out.catalog().find_table_facts(name))
          if (const Constraint* renamed = table->constraints.find(stmt.subname); renamed && !renamed->index.empty())
            out.on({name.schema, renamed->index}, index_rename, RelationKind::Index).note =
                fmt::format("the index of {}, renamed with it", renamed->name);
      break;
    }
    case PG_QUERY__NODE__NODE_ALTER_OBJECT_SCHEMA_STMT:
      if (const auto* relation = node.alter_object_schema_stmt->relation) {
        const auto name = qualified_name(relation);
        out.on(name, LockMode::AccessExclusive, kind_of(node.alter_object_schema_stmt->object_type));
        // The sequences a table owns move with it.
        if (const Table* table = out.catalog().find_table(name))
          out.owned_sequences(*table, {}, LockMode::AccessExclusive, "moved with the table");
      }
      break;
    case PG_QUERY__NODE__NODE_VIEW_STMT: {
      const auto& stmt = *node.view_stmt;
      // The query is parsed, not run: the views it reads are not expanded.
      for (const auto& read : relations_named(stmt.query, nullptr)) out.on(read, LockMode::AccessShare);
      const auto name = qualified_name(stmt.view);
      if (stmt.replace) out.on(name, LockMode::AccessExclusive, RelationKind::View);
      else out.created(name, RelationKind::View);
      break;
    }
    case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT: {
      const auto& stmt = *node.create_table_as_stmt;
      if (!stmt.into || !stmt.into->rel) break;
      const auto name = qualified_name(stmt.into->rel);
      if (stmt.if_not_exists && out.catalog().relation_kind(name)) break;
      reads(stmt.query, out);
      if (!stmt.into->skip_data)
        for (auto& effect : out.result().effects) effect.scan = true;
      out.created(name, stmt.objtype == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW ? RelationKind::MaterializedView
                                                                              : RelationKind::Table);
      break;
    }
    case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT: {
      const auto table = qualified_name(node.create_trig_stmt->relation);
      out.on(table, LockMode::ShareRowExclusive);
      // A row trigger on a partitioned table is cloned onto every partition.
      if (const Table* known = out.catalog().find_table(table);
          known && known->kind == RelationKind::PartitionedTable && node.create_trig_stmt->row)
        out.partitions_below(*known, LockMode::ShareRowExclusive);
      break;
    }
    case PG_QUERY__NODE__NODE_RULE_STMT:
      if (node.rule_stmt->relation) out.on(qualified_name(node.rule_stmt->relation), LockMode::AccessExclusive);
      break;
    // A policy's expressions are parsed and analysed: the relations their subqueries name are read.
    case PG_QUERY__NODE__NODE_CREATE_POLICY_STMT:
      reads(node.create_policy_stmt->qual, out);
      reads(node.create_policy_stmt->with_check, out);
      out.on(qualified_name(node.create_policy_stmt->table), LockMode::AccessExclusive);
      break;
    case PG_QUERY__NODE__NODE_ALTER_POLICY_STMT:
      reads(node.alter_policy_stmt->qual, out);
      reads(node.alter_policy_stmt->with_check, out);
      out.on(qualified_name(node.alter_policy_stmt->table), LockMode::AccessExclusive);
      break;
    case PG_QUERY__NODE__NODE_CREATE_STATS_STMT:
      for (size_t i = 0; i < node.create_stats_stmt->n_relations; ++i)
        if (node.create_stats_stmt->relations[i]->node_case == PG_QUERY__NODE__NODE_RANGE_VAR)
          out.on(qualified_name(node.create_stats_stmt->relations[i]->range_var), LockMode::ShareUpdateExclusive);
      break;
    case PG_QUERY__NODE__NODE_COMMENT_STMT: comment(*node.comment_stmt, out); break;
    case PG_QUERY__NODE__NODE_LOCK_STMT: lock_table(*node.lock_stmt, out); break;
    case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT: {
      const auto name = qualified_name(node.create_seq_stmt->sequence);
      if (!(node.create_seq_stmt->if_not_exists && out.catalog().find_sequence(name)))
        out.created(name, RelationKind::Sequence);
      break;
    }
    case PG_QUERY__NODE__NODE_ALTER_SEQ_STMT: {
      const auto& stmt = *node.alter_seq_stmt;
      // Transactional since PostgreSQL 10: nextval() (RowExclusiveLock) waits until commit.
      out.on(qualified_name(stmt.sequence), LockMode::ShareRowExclusive, RelationKind::Sequence);
      for (size_t i = 0; i < stmt.n_options; ++i) {
        const auto* option = stmt.options[i];
        if (option->node_case != PG_QUERY__NODE__NODE_DEF_ELEM || !option->def_elem->defname ||
            std::string_view(option->def_elem->defname) != "owned_by" || !option->def_elem->arg ||
            option->def_elem->arg->node_case != PG_QUERY__NODE__NODE_LIST)
          continue;
        const auto& parts = *option->def_elem->arg->list;  // [schema.]table.column, or NONE
        if (parts.n_items >= 2) out.on(qualified_name(parts.items, parts.n_items - 1), LockMode::AccessShare);
      }
      break;
    }
    case PG_QUERY__NODE__NODE_ALTER_DOMAIN_STMT: alter_domain(*node.alter_domain_stmt, out); break;
    case PG_QUERY__NODE__NODE_ALTER_ENUM_STMT:
      // No relation lock; before PostgreSQL 12 ADD VALUE refused a transaction block.
      // (protobuf-c gives an empty string, not null, for a missing old value: ADD VALUE.)
      if (input.pg_version < 12 && (!node.alter_enum_stmt->old_val || !*node.alter_enum_stmt->old_val))
        out.result().refuses_transaction = true;
      break;
    case PG_QUERY__NODE__NODE_INSERT_STMT: insert(*node.insert_stmt, out); break;
    case PG_QUERY__NODE__NODE_UPDATE_STMT: update(*node.update_stmt, out); break;
    case PG_QUERY__NODE__NODE_DELETE_STMT: remove(*node.delete_stmt, out); break;
    case PG_QUERY__NODE__NODE_SELECT_STMT: select(*node.select_stmt, node, out); break;
    case PG_QUERY__NODE__NODE_DISCARD_STMT:
      if (node.discard_stmt->target == PG_QUERY__DISCARD_MODE__DISCARD_ALL) out.result().refuses_transaction = true;
      break;
    case PG_QUERY__NODE__NODE_CREATEDB_STMT:
    case PG_QUERY__NODE__NODE_DROPDB_STMT:
    case PG_QUERY__NODE__NODE_ALTER_SYSTEM_STMT:
    case PG_QUERY__NODE__NODE_CREATE_TABLE_SPACE_STMT:
    case PG_QUERY__NODE__NODE_DROP_TABLE_SPACE_STMT:
      out.result().refuses_transaction = true;
      break;
    default: break;
  }
  return out.finish();
}

}  // namespace zdlint
