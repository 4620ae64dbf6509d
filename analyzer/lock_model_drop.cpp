// The lock model for DROP: what each object takes, and with CASCADE what PostgreSQL drops along with
// it that the history shows (views built on a relation, columns of a type, defaults drawing from a
// sequence, a schema's contents, triggers running a function), each under AccessExclusiveLock.
#include <fmt/format.h>

#include <algorithm>

#include "analyzer/lock_effects_builder.h"
#include "analyzer/sql_types.h"

namespace zdlint {
namespace {

// CASCADE drops the views and materialized views built on the relation (and those built on them),
// with their indexes.
void drop_dependent_views(const QualifiedName& name, EffectsBuilder& out) {
  for (const Table* view : out.catalog().views_depending_on(name)) {
    LockEffect& effect = out.on(view->name, LockMode::AccessExclusive, view->kind);
    if (effect.note.empty()) effect.note = fmt::format("depends on {}: dropped with it (CASCADE)", name.str());
    out.indexes_of(view->name, LockMode::AccessExclusive, false);
  }
}

void drop_table_like(const QualifiedName& name, RelationKind kind, bool cascade, EffectsBuilder& out) {
  out.on(name, LockMode::AccessExclusive, kind);
  out.indexes_of(name, LockMode::AccessExclusive, false);
  const Table* table = out.catalog().find_table(name);
  // Dropping a referencing table removes the FK triggers on the referenced one.
  foreign_key_targets(table, LockMode::AccessExclusive, out, "referenced by a foreign key of the dropped table");
  if (cascade) drop_dependent_views(name, out);
  if (!table) return;
  out.owned_sequences_dropped(*table);
  if (table->partition_of)
    out.on(*table->partition_of, LockMode::AccessExclusive).note = "the dropped partition's parent";
  if (table->kind == RelationKind::PartitionedTable)
    for (const auto& partition : out.catalog().partitions_below(*table)) {
      out.on(partition, LockMode::AccessExclusive).note = "a partition, dropped with the partitioned table";
      out.indexes_of(partition, LockMode::AccessExclusive, false);
    }
  if (cascade)
    for (const Table* child : out.catalog().tables_referencing(name))
      out.on(child->name, LockMode::AccessExclusive).note = "its foreign key to the dropped table is dropped (CASCADE)";
}

// DROP SCHEMA … CASCADE drops every relation in it, and what depends on them outside it. (Without
// CASCADE only an empty schema can be dropped: no relation is locked.)
void drop_schema(std::string_view schema, EffectsBuilder& out) {
  for (const Table* relation : out.catalog().relations_in_schema(schema)) {
    drop_table_like(relation->name, relation->kind, true, out);
    LockEffect& effect = out.on(relation->name, LockMode::AccessExclusive, relation->kind);
    if (effect.note.empty()) effect.note = fmt::format("in schema {}, dropped with it (CASCADE)", schema);
  }
  for (const Sequence* sequence : out.catalog().sequences_in_schema(schema))
    out.on(sequence->name, LockMode::AccessExclusive, RelationKind::Sequence);
}

// DROP TYPE or DOMAIN … CASCADE drops the columns of that type: their tables are altered.
void drop_columns_of_type(const QualifiedName& type, EffectsBuilder& out) {
  for (const Table* table : out.catalog().tables_using_type(type)) {
    const auto column =
        std::find_if(table->columns.begin(), table->columns.end(), [&](const Column& c) { return c.has_type(type); });
    LockEffect& effect = out.on(table->name, LockMode::AccessExclusive, table->kind);
    if (effect.note.empty() && column != table->columns.end())
      effect.note = fmt::format("its column {} of type {} is dropped (CASCADE)", column->name, type.str());
  }
}

// DROP SEQUENCE … CASCADE drops the column defaults that draw from it.
void drop_defaults_drawing_from(const QualifiedName& sequence, EffectsBuilder& out) {
  for (const auto& [table, column] : out.catalog().columns_drawing_from(sequence)) {
    LockEffect& effect = out.on(table->name, LockMode::AccessExclusive, table->kind);
    if (effect.note.empty())
      effect.note =
          fmt::format("the default of its column {} draws from {}: dropped (CASCADE)", column->name, sequence.str());
  }
}

// DROP FUNCTION … CASCADE drops the triggers that run it: AccessExclusiveLock on their tables.
void drop_triggers_running(const QualifiedName& function, EffectsBuilder& out) {
  for (const Table* table : out.catalog().tables_with_triggers_running(function)) {
    LockEffect& effect = out.on(table->name, LockMode::AccessExclusive, table->kind);
    const auto trigger = std::find_if(table->triggers.begin(), table->triggers.end(),
                                      [&](const Trigger& t) { return t.function == function; });
    if (effect.note.empty())
      effect.note = fmt::format("its trigger {} runs {}: dropped with it (CASCADE)", trigger->name, function.str());
    for (const Trigger& running : table->triggers)
      if (running.function == function) row_trigger_clones(*table, running.name, LockMode::AccessExclusive, out);
  }
}

}  // namespace

void drop_effects(const PgQuery__DropStmt& stmt, EffectsBuilder& out) {
  const bool cascade = stmt.behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
  for (size_t i = 0; i < stmt.n_objects; ++i) {
    const auto* object = stmt.objects[i];
    switch (stmt.remove_type) {
      case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
      case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
      case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
      case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE:
        drop_table_like(qualified_name(object), kind_of(stmt.remove_type), cascade, out);
        break;
      case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX: {
        const auto name = qualified_name(object);
        out.result().concurrently = stmt.concurrent;
        out.result().refuses_transaction = stmt.concurrent;
        LockEffect& index = out.on(name, LockMode::AccessExclusive, RelationKind::Index);
        if (const Index* known = out.catalog().find_index(name)) {
          out.on(known->table, stmt.concurrent ? LockMode::ShareUpdateExclusive : LockMode::AccessExclusive);
          // A partitioned table's index goes with its copies on the partitions, but never
          // concurrently: PostgreSQL refuses that at once.
          if (const Table* table = out.catalog().find_table(known->table);
              table && table->kind == RelationKind::PartitionedTable && stmt.concurrent) {
            out.result().fails_because = "PostgreSQL cannot drop a partitioned table's index concurrently";
            break;
          }
          for (const Index* copy : out.catalog().index_copies(*known)) {
            out.on(copy->name, LockMode::AccessExclusive, RelationKind::Index).note =
                fmt::format("the copy of {} on partition {}, dropped with it", name.str(), copy->table.str());
            out.on(copy->table, LockMode::AccessExclusive);
          }
        } else {
          index.note = "its table is unknown to zdlint: DROP INDEX also locks it";
          index.assumed = true;
          if (!stmt.concurrent) index.reads_blocked_via_index = true;
        }
        break;
      }
      case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE: {
        const auto name = qualified_name(object);
        out.on(name, LockMode::AccessExclusive, RelationKind::Sequence);
        if (cascade) drop_defaults_drawing_from(name, out);
        break;
      }
      case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA:
        if (cascade) drop_schema(string_value(object), out);
        break;
      case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
      case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN:
        if (cascade && object->node_case == PG_QUERY__NODE__NODE_TYPE_NAME)
          drop_columns_of_type(sql_type(object->type_name).qualified_name(), out);
        break;
      case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
      case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
      case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE:
        if (cascade && object->node_case == PG_QUERY__NODE__NODE_OBJECT_WITH_ARGS)
          drop_triggers_running(qualified_name(object->object_with_args->objname, object->object_with_args->n_objname),
                                out);
        break;
      case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER:
      case PG_QUERY__OBJECT_TYPE__OBJECT_POLICY:
      case PG_QUERY__OBJECT_TYPE__OBJECT_RULE:
        // The object list is [schema.]table.name: the table is everything but the last part.
        if (object->node_case == PG_QUERY__NODE__NODE_LIST && object->list->n_items >= 2) {
          const auto table = qualified_name(object->list->items, object->list->n_items - 1);
          out.on(table, LockMode::AccessExclusive);
          if (const Table* known = out.catalog().find_table(table);
              known && stmt.remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER)
            row_trigger_clones(*known, string_value(object->list->items[object->list->n_items - 1]),
                               LockMode::AccessExclusive, out);
        }
        break;
      default:
        break;
    }
  }
}

}  // namespace zdlint
