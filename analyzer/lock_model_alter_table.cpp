// The lock model for ALTER TABLE (and ALTER INDEX / MATERIALIZED VIEW / VIEW / SEQUENCE, which
// share its parse tree). One statement takes the strongest lock any of its subcommands needs
// (AlterTableGetLockLevel in tablecmds.c); each subcommand may add a rewrite, a scan, or locks on
// other relations.
#include <fmt/format.h>

#include <algorithm>

#include "analyzer/column_type_change.h"
#include "analyzer/lock_effects_builder.h"
#include "analyzer/session.h"

namespace zdlint {
namespace {

struct AlterContext {
  const PgQuery__AlterTableStmt& stmt;
  const Session& session;
  EffectsBuilder& out;
  QualifiedName target;
  RelationKind fallback_kind;
  const Table* table;  // what the history knows of it (possibly partial); null when nothing

  LockEffect& lock(LockMode mode) { return out.on(target, mode, fallback_kind); }
  [[nodiscard]] int pg() const { return out.pg_version(); }
};

bool is_null_constant(const PgQuery__Node* expr) {
  return expr && expr->node_case == PG_QUERY__NODE__NODE_A_CONST && expr->a_const->isnull;
}

// Storage parameters PostgreSQL changes under ShareUpdateExclusiveLock (AlterTableGetRelOptionsLockLevel);
// anything else takes AccessExclusiveLock.
bool light_reloption(std::string_view name) {
  static constexpr std::string_view light[] = {"fillfactor",         "parallel_workers",
                                               "toast_tuple_target", "vacuum_index_cleanup",
                                               "vacuum_truncate",    "log_autovacuum_min_duration"};
  if (name.starts_with("autovacuum_") || name.starts_with("toast.")) return true;
  return std::find(std::begin(light), std::end(light), name) != std::end(light);
}

LockMode reloptions_lock(const PgQuery__Node* def) {
  if (!def || def->node_case != PG_QUERY__NODE__NODE_LIST) return LockMode::AccessExclusive;
  for (size_t i = 0; i < def->list->n_items; ++i) {
    const auto* item = def->list->items[i];
    if (item->node_case != PG_QUERY__NODE__NODE_DEF_ELEM || !item->def_elem->defname) return LockMode::AccessExclusive;
    std::string name = item->def_elem->defname;
    if (item->def_elem->defnamespace && *item->def_elem->defnamespace)
      name = std::string(item->def_elem->defnamespace) + "." + name;
    if (!light_reloption(name)) return LockMode::AccessExclusive;
  }
  return LockMode::ShareUpdateExclusive;
}

void add_column(AlterContext& c, const PgQuery__ColumnDef& column) {
  LockEffect& table = c.lock(LockMode::AccessExclusive);
  const SqlType type = sql_type(column.type_name);
  const std::string name = column.colname ? column.colname : "?";
  std::string rewrite_reason;
  bool has_default = false;
  for (size_t i = 0; i < column.n_constraints; ++i)
    if (column.constraints[i]->node_case == PG_QUERY__NODE__NODE_CONSTRAINT &&
        column.constraints[i]->constraint->contype == PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT &&
        !is_null_constant(column.constraints[i]->constraint->raw_expr))
      has_default = true;
  if (is_serial_type(type)) rewrite_reason = fmt::format("the {} column needs a nextval() value in every row", type.name);
  if (const Domain* domain = constrained_domain(c.out.catalog(), type))
    rewrite_reason = fmt::format("the domain {} has constraints, which PostgreSQL verifies by rewriting every row",
                                 domain->name.str());
  for (size_t i = 0; i < column.n_constraints; ++i) {
    if (column.constraints[i]->node_case != PG_QUERY__NODE__NODE_CONSTRAINT) continue;
    const auto& constraint = *column.constraints[i]->constraint;
    switch (constraint.contype) {
      case PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT: {
        if (is_null_constant(constraint.raw_expr)) break;
        const auto volatility = expression_volatility(constraint.raw_expr, c.out.catalog());
        if (volatility.volatility == Volatility::Volatile) {
          rewrite_reason = fmt::format("the default calls {}(), which is VOLATILE, so every row gets its own value",
                                       volatility.function);
          table.assumed = table.assumed || volatility.assumed;
        } else if (c.pg() < 11) {
          rewrite_reason = "before PostgreSQL 11 every non-NULL default is written into every row";
        }
        break;
      }
      case PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY:
        rewrite_reason = "an identity column needs a sequence value in every row";
        break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED:
        rewrite_reason = "a stored generated column is computed for every row";
        break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK:
        table.scan = true;  // the new constraint is checked against every existing row
        break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE:
      case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY: {
        table.scan = true;  // builds the index from every row, under AccessExclusiveLock
        const bool primary = constraint.contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY;
        const std::string index = constraint.conname && *constraint.conname
                                      ? std::string(constraint.conname)
                                      : constraint_index_name(c.out.catalog(), c.target,
                                                              primary ? std::vector<std::string>{} : std::vector{name},
                                                              primary ? "pkey" : "key");
        c.out.created({c.target.schema, index}, RelationKind::Index);
        break;
      }
      case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN:
        if (constraint.pktable) {
          LockEffect& parent = c.out.on(qualified_name(constraint.pktable), LockMode::ShareRowExclusive);
          if (parent.note.empty()) parent.note = "referenced by the new column's foreign key";
        }
        // With a non-NULL default every existing row gets a value the foreign key must check.
        if (has_default && !constraint.skip_validation) table.scan = true;
        break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL:
        if (!has_default) table.scan = true;  // fails unless the table is empty
        break;
      default: break;
    }
  }
  if (!rewrite_reason.empty()) {
    c.out.rewrite(c.target, fmt::format("ADD COLUMN {}: {}", name, rewrite_reason));
    if (is_serial_type(type))
      c.out.created({c.target.schema, c.target.name + "_" + name + "_seq"}, RelationKind::Sequence);
  }
}

// Calls visit(table, key, references_known) for each foreign key of another table that may reference
// `column` of the altered table: `references_known` when its referenced columns are known (and
// include the column), false when they are unknown. A key of the altered table that references
// the table itself is left out: that table is locked already.
template <typename Visit>
void for_each_foreign_key_to(const AlterContext& c, std::string_view column, Visit visit) {
  for (const Table* child : c.out.catalog().tables_referencing(c.target)) {
    if (child->name == c.target) continue;
    for (const Constraint& key : child->constraints) {
      if (key.kind != ConstraintKind::ForeignKey || key.references != c.target) continue;
      const std::optional<bool> references = key.references_column(column);
      if (references != false) visit(*child, key, references.has_value());
    }
  }
}

void drop_column(AlterContext& c, const std::string& column, bool cascade) {
  c.lock(LockMode::AccessExclusive);
  for (const Index* index : c.out.catalog().indexes_of(c.target))
    if (std::find(index->columns.begin(), index->columns.end(), column) != index->columns.end())
      c.out.on(index->name, LockMode::AccessExclusive, RelationKind::Index).note = "dropped with the column";
  if (c.table) {
    c.out.owned_sequences_dropped(*c.table, column);
    for (const auto& constraint : c.table->constraints)
      if (constraint.kind == ConstraintKind::ForeignKey &&
          std::find(constraint.columns.begin(), constraint.columns.end(), column) != constraint.columns.end())
        c.out.on(constraint.references, LockMode::AccessExclusive).note =
            fmt::format("its foreign-key triggers are dropped with {}", constraint.name);
  }
  if (!cascade) return;
  for_each_foreign_key_to(c, column, [&](const Table& child, const Constraint& key, bool references_known) {
    LockEffect& effect = c.out.on(child.name, LockMode::AccessExclusive);
    effect.note = fmt::format("its foreign key {} references {} and is dropped with it (CASCADE){}", key.name, column,
                              references_known ? "" : " (zdlint does not know the columns it references: assumed)");
    effect.assumed = effect.assumed || !references_known;
  });
}

// The sequence of an identity column: the one the history recorded, else the name PostgreSQL gives.
QualifiedName identity_sequence(const AlterContext& c, const std::string& column) {
  const Column* known = c.table ? c.table->column(column) : nullptr;
  if (known && !known->default_sequence.empty()) return {c.target.schema, known->default_sequence};
  return {c.target.schema, c.target.name + "_" + column + "_seq"};
}

// A column's new type reaches the sequence it draws from: an identity column's sequence is altered
// to the new type (ShareRowExclusiveLock, as ALTER SEQUENCE); a nextval() default is parsed again,
// naming its sequence (AccessShareLock).
void sequence_of_retyped_column(AlterContext& c, const Column& column) {
  if (column.default_sequence.empty()) return;
  const QualifiedName sequence{c.target.schema, column.default_sequence};
  if (column.identity)
    c.out.on(sequence, LockMode::ShareRowExclusive, RelationKind::Sequence).note =
        "the identity sequence of " + column.name + ", altered to the new type";
  else
    c.out.on(sequence, LockMode::AccessShare, RelationKind::Sequence);
}

void alter_column_type(AlterContext& c, const std::string& column, const PgQuery__ColumnDef& def) {
  LockEffect& table = c.lock(LockMode::AccessExclusive);
  const SqlType to = sql_type(def.type_name);
  const Column* known = c.table ? c.table->column(column) : nullptr;
  TypeChange change = TypeChange::Rewrite;
  const Domain* checked_by = nullptr;
  if (known) {
    const ColumnTypeChange verdict = column_type_change(c.out.catalog(), *known->type, to, def.raw_default != nullptr);
    change = verdict.change;
    checked_by = verdict.checked_by;
    sequence_of_retyped_column(c, *known);
  } else {
    table.assumed = true;
    table.note = fmt::format("the old type of {} is unknown (the history never created it): a rewrite is assumed", column);
  }
  if (change == TypeChange::CoercibleIfUtc)
    change = c.pg() >= 12 && c.session.timezone_is_utc() ? TypeChange::BinaryCoercible : TypeChange::Rewrite;
  if (change == TypeChange::Rewrite) {
    c.out.rewrite(c.target, !known       ? std::string()
                            : checked_by ? fmt::format("{} changes from {} to {}: every row is converted and "
                                                       "checked against the constraints of domain {}",
                                                       column, known->type->str(), to.str(), checked_by->name.str())
                                         : fmt::format("{} changes from {} to {}: every row is converted", column,
                                                       known->type->str(), to.str()));
  } else {
    // Binary-coercible (or the same type): no rewrite, but indexes on the column are dropped and
    // re-created from their definition, under AccessExclusiveLock, without being rebuilt.
    for (const Index* index : c.out.catalog().indexes_of(c.target))
      if (std::find(index->columns.begin(), index->columns.end(), column) != index->columns.end())
        c.out.on(index->name, LockMode::AccessExclusive, RelationKind::Index);
  }
  // A foreign key that uses the column, on either side, is dropped and re-created for the new type,
  // rewrite or not (the same type too): its triggers on both tables go and come back, under
  // AccessExclusiveLock on both. It is checked again, scanning the referencing table, when the
  // type's equality changes, which only a rewrite stands for here.
  const bool rechecked = change == TypeChange::Rewrite;
  if (c.table)
    for (const Constraint& key : c.table->constraints)
      if (key.kind == ConstraintKind::ForeignKey && key.references != c.target &&
          std::find(key.columns.begin(), key.columns.end(), column) != key.columns.end()) {
        LockEffect& effect = c.out.on(key.references, LockMode::AccessExclusive);
        if (effect.note.empty())
          effect.note = fmt::format(
              "the foreign key {} on {} is re-created: its triggers on this table are dropped and "
              "created again",
              key.name, column);
      }
  for_each_foreign_key_to(c, column, [&](const Table& child, const Constraint& key, bool references_known) {
    // Without the referenced columns, as before they were recorded: assumed only when rewritten.
    if (!references_known && !rechecked) return;
    LockEffect& effect = c.out.on(child.name, LockMode::AccessExclusive);
    effect.scan = effect.scan || rechecked;
    effect.assumed = effect.assumed || !references_known;
    effect.note = fmt::format("its foreign key {} references {}: re-created{}{}", key.name, column,
                              rechecked ? " and checked again" : "",
                              references_known ? "" : " (zdlint does not know the columns it references: assumed)");
  });
}

// A validated CHECK (col IS NOT NULL) lets PostgreSQL 12+ skip the NOT NULL verification scan.
const Constraint* proven_not_null(const AlterContext& c, const std::string& column) {
  if (!c.table || c.pg() < 12) return nullptr;
  for (const auto& constraint : c.table->constraints)
    if (constraint.kind == ConstraintKind::Check && constraint.validated && constraint.proves(column)) return &constraint;
  return nullptr;
}

void set_not_null(AlterContext& c, const std::string& column) {
  LockEffect& table = c.lock(LockMode::AccessExclusive);
  if (const Constraint* proof = proven_not_null(c, column)) {
    if (proof->kind == ConstraintKind::Check)
      table.note = fmt::format("the validated CHECK {} proves {} IS NOT NULL: no scan", proof->name, column);
    return;
  }
  if (c.table && c.table->column(column) && c.table->column(column)->not_null) return;  // nothing to verify
  table.scan = true;
}

bool columns_not_null(const AlterContext& c, const std::vector<std::string>& columns) {
  if (!c.table || columns.empty()) return false;
  return std::all_of(columns.begin(), columns.end(), [&](const std::string& name) {
    const Column* column = c.table->column(name);
    return (column && column->not_null) || proven_not_null(c, name);
  });
}

void add_constraint(AlterContext& c, const PgQuery__Constraint& constraint) {
  const bool validate = !constraint.skip_validation;
  switch (constraint.contype) {
    case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN: {
      const LockMode mode = foreign_key_lock(c.pg());
      LockEffect& child = c.lock(mode);
      child.scan = child.scan || validate;
      if (constraint.pktable) {
        LockEffect& parent = c.out.on(qualified_name(constraint.pktable), mode);
        if (parent.note.empty()) parent.note = "the table the foreign key references";
      }
      break;
    }
    case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK:
    case PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL: {
      LockEffect& table = c.lock(LockMode::AccessExclusive);
      table.scan = table.scan || validate;
      break;
    }
    case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
    case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE:
    case PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION: {
      LockEffect& table = c.lock(LockMode::AccessExclusive);
      const bool primary = constraint.contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY;
      if (constraint.indexname && *constraint.indexname) {
        // USING INDEX: the index exists already; a primary key still needs its columns NOT NULL,
        // which a nullable column proves with a full scan.
        const QualifiedName index{c.target.schema, constraint.indexname};
        c.out.on(index, LockMode::ShareUpdateExclusive, RelationKind::Index);
        if (primary) {
          const Index* known = c.out.catalog().find_index(index);
          if (!known || !columns_not_null(c, known->columns)) {
            table.scan = true;
            if (!known) table.assumed = true;
          }
        }
        break;
      }
      table.scan = true;  // index build (and, for a primary key, the NOT NULL check)
      const bool exclusion = constraint.contype == PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION;
      std::vector<std::string> columns;
      if (exclusion)
        columns = exclusion_columns(constraint);
      else if (!primary)
        columns = string_list(constraint.keys, constraint.n_keys);
      const std::string index = constraint.conname && *constraint.conname
                                    ? std::string(constraint.conname)
                                    : constraint_index_name(c.out.catalog(), c.target, columns,
                                                            primary     ? "pkey"
                                                            : exclusion ? "excl"
                                                                        : "key");
      c.out.created({c.target.schema, index}, RelationKind::Index);
      break;
    }
    default: c.lock(LockMode::AccessExclusive); break;
  }
}

void validate_constraint(AlterContext& c, const std::string& name) {
  LockEffect& table = c.lock(LockMode::ShareUpdateExclusive);
  table.scan = true;
  const Constraint* constraint = c.table ? c.table->constraint(name) : nullptr;
  if (constraint && constraint->kind == ConstraintKind::ForeignKey)
    c.out.on(constraint->references, LockMode::RowShare).note = "the table the validated foreign key references";
}

void drop_constraint(AlterContext& c, const std::string& name) {
  c.lock(LockMode::AccessExclusive);
  const Constraint* constraint = c.table ? c.table->constraint(name) : nullptr;
  if (!constraint) return;
  if (constraint->kind == ConstraintKind::ForeignKey)
    c.out.on(constraint->references, LockMode::AccessExclusive).note =
        fmt::format("its foreign-key triggers for {} are dropped", name);
  if (!constraint->index.empty())
    c.out.on({c.target.schema, constraint->index}, LockMode::AccessExclusive, RelationKind::Index);
}

void attach_partition(AlterContext& c, const PgQuery__PartitionCmd& cmd) {
  const auto partition = qualified_name(cmd.name);
  if (c.fallback_kind == RelationKind::Index) {
    // ALTER INDEX parent_idx ATTACH PARTITION child_idx: catalog-only, but AccessExclusiveLock on
    // the child index stalls planning of every query on its table.
    c.lock(LockMode::ShareUpdateExclusive);
    c.out.on(partition, LockMode::AccessExclusive, RelationKind::Index);
    if (const Index* parent = c.out.catalog().find_index(c.target)) c.out.on(parent->table, LockMode::AccessShare);
    if (const Index* child = c.out.catalog().find_index(partition)) c.out.on(child->table, LockMode::AccessShare);
    return;
  }
  // PostgreSQL 12 lowered the parent's lock from AccessExclusive to ShareUpdateExclusive.
  c.out.on(c.target, c.pg() >= 12 ? LockMode::ShareUpdateExclusive : LockMode::AccessExclusive,
           RelationKind::PartitionedTable);
  c.out.indexes_of(c.target, LockMode::ShareUpdateExclusive, false);
  LockEffect& attached = c.out.on(partition, LockMode::AccessExclusive);
  attached.scan = true;
  attached.note = "scanned to prove every row fits the partition bound";
  if (const Table* known = c.out.catalog().find_table(partition); known && c.table)
    if (const Constraint* proof = bound_proof(*known, *c.table)) {
      attached.scan = false;
      attached.note = fmt::format("the validated CHECK {} implies the bound: no scan", proof->name);
    }
  if (c.table && !(cmd.bound && cmd.bound->is_default)) lock_default_partition(*c.table, c.out);
}

void detach_partition(AlterContext& c, const PgQuery__PartitionCmd& cmd) {
  const auto partition = qualified_name(cmd.name);
  if (cmd.concurrent) {
    // Two transactions; the first holds ShareUpdateExclusiveLock, the second takes
    // AccessExclusiveLock on the partition after waiting for every older transaction.
    StatementEffects& result = c.out.result();
    result.concurrently = true;
    result.refuses_transaction = true;
    if (c.pg() < 14) result.fails_because = "DETACH PARTITION … CONCURRENTLY needs PostgreSQL 14";
    c.out.on(c.target, LockMode::ShareUpdateExclusive, RelationKind::PartitionedTable);
    c.out.on(partition, LockMode::AccessExclusive);
    return;
  }
  c.out.on(c.target, LockMode::AccessExclusive, RelationKind::PartitionedTable);
  c.out.on(partition, LockMode::AccessExclusive);
  c.out.indexes_of(partition, LockMode::AccessExclusive, false);
  if (c.table)
    if (const Table* existing = c.out.catalog().default_partition_of(*c.table); existing && existing->name != partition)
      c.out.on(existing->name, LockMode::AccessExclusive).note = "the default partition, whose implicit bound changes";
}

void subcommand(AlterContext& c, const PgQuery__AlterTableCmd& cmd) {
  const std::string name = cmd.name ? cmd.name : "";
  const bool cascade = cmd.behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
  switch (cmd.subtype) {
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumnRecurse:
      if (cmd.def && cmd.def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) {
        if (cmd.missing_ok && c.table && cmd.def->column_def->colname && c.table->column(cmd.def->column_def->colname)) {
          c.lock(LockMode::AccessExclusive);  // IF NOT EXISTS on a column that exists: a no-op
          break;
        }
        add_column(c, *cmd.def->column_def);
      }
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumnRecurse: drop_column(c, name, cascade); break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType:
      if (cmd.def && cmd.def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) alter_column_type(c, name, *cmd.def->column_def);
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_CheckNotNull: set_not_null(c, name); break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetStatistics:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetOptions:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ResetOptions:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropCluster: c.lock(LockMode::ShareUpdateExclusive); break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ClusterOn:
      c.lock(LockMode::ShareUpdateExclusive);
      c.out.on({c.target.schema, name}, LockMode::ShareUpdateExclusive, RelationKind::Index);
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetRelOptions:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ResetRelOptions:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ReplaceRelOptions: c.lock(reloptions_lock(cmd.def)); break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrig:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableAlwaysTrig:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableReplicaTrig:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrig:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrigAll:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrigAll:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrigUser:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrigUser: c.lock(LockMode::ShareRowExclusive); break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraintRecurse:
      if (cmd.def && cmd.def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) add_constraint(c, *cmd.def->constraint);
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraintRecurse: validate_constraint(c, name); break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraintRecurse: drop_constraint(c, name); break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetTableSpace: {
      // Copies the relation's files block by block; its indexes stay where they are.
      LockEffect& effect = c.lock(LockMode::AccessExclusive);
      if (c.table && c.table->kind == RelationKind::PartitionedTable) {
        effect.note = "no storage of its own: only where future partitions go changes";
        break;
      }
      effect.rewrite = true;
      effect.note = "its files are copied to the new tablespace";
      // An index's AccessExclusiveLock stalls the planner for its table.
      if (c.fallback_kind == RelationKind::Index) effect.reads_blocked_via_index = true;
      break;
    }
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetLogged:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetUnLogged:
      if (c.table && c.table->unlogged == (cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_SetUnLogged)) {
        c.lock(LockMode::AccessExclusive);  // already so: nothing to rewrite
        break;
      }
      c.out.rewrite(c.target, "the table is rewritten with (or without) WAL");
      // PostgreSQL 15 made sequences loggable or not: the table's own follow it, rewritten too.
      if (c.table && c.pg() >= 15)
        c.out.owned_sequences(*c.table, {}, LockMode::AccessExclusive, "made logged or unlogged with the table");
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetAccessMethod: {
      const std::string current = c.table ? c.table->access_method : "heap";
      if (name.empty() || name == current) c.lock(LockMode::AccessExclusive);
      else c.out.rewrite(c.target, fmt::format("the table is rewritten into access method {}", name));
      break;
    }
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ChangeOwner:
      c.lock(LockMode::AccessExclusive);
      c.out.indexes_of(c.target, LockMode::AccessExclusive, false);
      if (c.table) c.out.owned_sequences(*c.table, {}, LockMode::AccessExclusive, "given the table's new owner");
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ReplicaIdentity:
      c.lock(LockMode::AccessExclusive);
      if (cmd.def && cmd.def->node_case == PG_QUERY__NODE__NODE_REPLICA_IDENTITY_STMT &&
          cmd.def->replica_identity_stmt->name && *cmd.def->replica_identity_stmt->name)
        c.out.on({c.target.schema, cmd.def->replica_identity_stmt->name}, LockMode::Share, RelationKind::Index);
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AttachPartition:
      if (cmd.def && cmd.def->node_case == PG_QUERY__NODE__NODE_PARTITION_CMD) attach_partition(c, *cmd.def->partition_cmd);
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartition:
      if (cmd.def && cmd.def->node_case == PG_QUERY__NODE__NODE_PARTITION_CMD) detach_partition(c, *cmd.def->partition_cmd);
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartitionFinalize:
      c.out.on(c.target, LockMode::ShareUpdateExclusive, RelationKind::PartitionedTable);
      if (cmd.def && cmd.def->node_case == PG_QUERY__NODE__NODE_PARTITION_CMD)
        c.out.on(qualified_name(cmd.def->partition_cmd->name), LockMode::AccessExclusive);
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetIdentity:
      // RESTART / SET INCREMENT BY alter the identity sequence too.
      c.lock(LockMode::AccessExclusive);
      c.out.on(identity_sequence(c, name), LockMode::ShareRowExclusive, RelationKind::Sequence);
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropIdentity:
      c.lock(LockMode::AccessExclusive);
      if (c.table) c.out.owned_sequences(*c.table, name, LockMode::AccessExclusive, "dropped with the identity");
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddIdentity:
      c.lock(LockMode::AccessExclusive);
      c.out.created({c.target.schema, c.target.name + "_" + name + "_seq"}, RelationKind::Sequence);
      break;
    default:
      // Everything else (defaults, DROP NOT NULL, storage, compression, row security, inheritance,
      // constraints' deferrability, identity options) takes AccessExclusiveLock.
      c.lock(LockMode::AccessExclusive);
      break;
  }
}

// Subcommands that act on the partitioned table alone rather than on every partition.
bool recurses_to_partitions(PgQuery__AlterTableType subtype) {
  switch (subtype) {
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AttachPartition:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartition:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartitionFinalize:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetTableSpace:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ChangeOwner:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ReplicaIdentity:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableRowSecurity:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableRowSecurity:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ForceRowSecurity:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_NoForceRowSecurity:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetRelOptions:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ResetRelOptions: return false;
    default: return true;
  }
}

// What a subcommand on a partitioned table takes on each partition: the table's own lock, but a
// key's index is built on each partition under ShareLock, as CREATE INDEX builds it, unless a primary
// key must first make a nullable column NOT NULL there.
LockMode partition_mode(const AlterContext& c, const PgQuery__AlterTableCmd& cmd, LockMode table_mode) {
  if (cmd.subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint || !cmd.def ||
      cmd.def->node_case != PG_QUERY__NODE__NODE_CONSTRAINT)
    return table_mode;
  const PgQuery__Constraint& constraint = *cmd.def->constraint;
  if (constraint.indexname && *constraint.indexname) return table_mode;
  if (constraint.contype == PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE) return LockMode::Share;
  if (constraint.contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY &&
      columns_not_null(c, string_list(constraint.keys, constraint.n_keys)))
    return LockMode::Share;
  return table_mode;
}

}  // namespace

void alter_table_effects(const PgQuery__AlterTableStmt& stmt, const Session& session, EffectsBuilder& out) {
  const auto target = qualified_name(stmt.relation);
  AlterContext c{stmt, session, out, target, kind_of(stmt.objtype), out.catalog().find_table_facts(target)};
  for (size_t i = 0; i < stmt.n_cmds; ++i) {
    if (stmt.cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD) continue;
    const auto& cmd = *stmt.cmds[i]->alter_table_cmd;
    subcommand(c, cmd);
    // Most subcommands on a partitioned table apply to each partition too, partitions of partitions
    // included, with the same lock; what the table's rows go through (a rewrite, a scan) happens in
    // the partitions with storage.
    if (c.table && !c.table->partial && c.table->kind == RelationKind::PartitionedTable && stmt.relation->inh &&
        recurses_to_partitions(cmd.subtype)) {
      const LockEffect& parent = out.on(target, LockMode::None);
      const bool rewritten = parent.rewrite, scanned = parent.scan;
      const LockMode mode = partition_mode(c, cmd, parent.lock);
      for (const auto& leaf : out.partitions_below(*c.table, mode)) {
        if (rewritten)
          out.rewrite(leaf);
        else if (scanned)
          out.on(leaf, mode).scan = true;
      }
    }
  }
}

}  // namespace zdlint
