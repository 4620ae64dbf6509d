// drop-cascade: DROP ... CASCADE (and ALTER TABLE ... DROP COLUMN/CONSTRAINT ... CASCADE) also drops,
// without naming them, every object that depends on what it drops. The message lists what the
// history knows would go with it; production may have more.
#include <fmt/format.h>

#include "rules/alter_table_parts.h"
#include "rules/messages.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

using Names = std::vector<std::string>;

void add_foreign_keys_to(const Catalog& catalog, const QualifiedName& table, Names& out) {
  for (const Table* child : catalog.tables_referencing(table))
    for (const auto& constraint : child->constraints)
      if (constraint.kind == ConstraintKind::ForeignKey && constraint.references == table)
        out.push_back(fmt::format("foreign key {} of {}", constraint.name, child->name.str()));
}

void add_views_on(const Catalog& catalog, const QualifiedName& relation, Names& out) {
  for (const Table* view : catalog.views_depending_on(relation))
    out.push_back(fmt::format("{} {}", to_string(view->kind), view->name.str()));
}

Names relation_dependents(const Catalog& catalog, const QualifiedName& relation) {
  Names out;
  add_views_on(catalog, relation, out);
  add_foreign_keys_to(catalog, relation, out);
  return out;
}

Names schema_contents(const Catalog& catalog, const std::string& schema) {
  Names out;
  for (const Table* relation : catalog.relations_in_schema(schema)) {
    out.push_back(fmt::format("{} {}", to_string(relation->kind), relation->name.str()));
    Names outside;
    add_views_on(catalog, relation->name, outside);
    add_foreign_keys_to(catalog, relation->name, outside);
    for (auto& name : outside)
      if (name.find(" " + schema + ".") == std::string::npos) out.push_back(std::move(name));
  }
  return out;
}

Names columns_of_type(const Catalog& catalog, const QualifiedName& type) {
  Names out;
  for (const Table* table : catalog.tables_using_type(type))
    for (const Column& column : table->columns)
      if (column.has_type(type))
        out.push_back(fmt::format("column {}.{} (and its data)", table->name.str(), column.name));
  return out;
}

// "the history shows ... would go too" or, when it knows of nothing, what CASCADE still risks.
std::string dependents_phrase(const std::string& what, const Names& dependents) {
  if (dependents.empty())
    return fmt::format("the migration history shows nothing depending on {}, but CASCADE silently drops whatever "
                       "depends on it in production",
                       what);
  return fmt::format("with {} it also drops {}", what, join_names(dependents));
}

// One phrase per object of a DROP ... CASCADE; nothing for objects created earlier in this file.
std::optional<std::string> dropped_object(const StatementContext& ctx, PgQuery__ObjectType type,
                                          const PgQuery__Node* object) {
  const Catalog& catalog = ctx.catalog;
  switch (type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE: {
      const QualifiedName name = qualified_name(object);
      if (ctx.is_new_table(name)) return std::nullopt;
      return dependents_phrase(name.str(), relation_dependents(catalog, name));
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA: {
      const std::string schema(string_value(object));
      return dependents_phrase(fmt::format("schema {}", schema), schema_contents(catalog, schema));
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN: {
      if (object->node_case != PG_QUERY__NODE__NODE_TYPE_NAME) return std::nullopt;
      const QualifiedName name = sql_type(object->type_name).qualified_name();
      const Domain* domain = catalog.find_domain(name);
      const EnumType* enumeration = catalog.find_enum(name);
      if ((domain && domain->origin.file == ctx.migration.file) ||
          (enumeration && enumeration->origin.file == ctx.migration.file))
        return std::nullopt;
      return dependents_phrase(fmt::format("type {}", name.str()), columns_of_type(catalog, name));
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE: {
      const QualifiedName name = qualified_name(object);
      const Sequence* sequence = catalog.find_sequence(name);
      if (sequence && sequence->origin.file == ctx.migration.file) return std::nullopt;
      Names defaults;
      for (const auto& [table, column] : catalog.columns_drawing_from(name))
        defaults.push_back(fmt::format("the default of column {}.{}", table->name.str(), column->name));
      return dependents_phrase(name.str(), defaults);
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
    case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE: {
      // What else depends on a function is left to one remark after the list (check_drop).
      if (object->node_case != PG_QUERY__NODE__NODE_OBJECT_WITH_ARGS) return std::nullopt;
      const QualifiedName name = qualified_name(object->object_with_args->objname, object->object_with_args->n_objname);
      Names triggers;
      for (const Table* table : catalog.tables_with_triggers_running(name))
        for (const Trigger& trigger : table->triggers)
          if (trigger.function == name)
            triggers.push_back(fmt::format("trigger {} on {}", trigger.name, table->name.str()));
      if (triggers.empty()) return fmt::format("the migration history shows no trigger running {}", name.str());
      return fmt::format("with {} it also drops {}", name.str(), join_names(triggers));
    }
    default: {
      const QualifiedName name = object->node_case == PG_QUERY__NODE__NODE_LIST ? qualified_name(object) : QualifiedName{};
      return dependents_phrase(name.name.empty() ? "it" : name.str(), {});
    }
  }
}

constexpr std::string_view kHelp =
    "drop the dependent objects explicitly first, so the review shows each one, then drop without CASCADE: "
    "RESTRICT, the default, fails instead of silently dropping what still depends on it";

void check_drop(const StatementContext& ctx, const PgQuery__DropStmt& drop, Emitter& out) {
  if (drop.behavior != PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE) return;
  Names phrases;
  for (size_t i = 0; i < drop.n_objects; ++i)
    if (auto phrase = dropped_object(ctx, drop.remove_type, drop.objects[i])) phrases.push_back(std::move(*phrase));
  if (phrases.empty()) return;
  std::string message =
      fmt::format("DROP ... CASCADE drops every object that depends on what it drops, without naming them: {}",
                  join_names(phrases, "; "));
  if (drop.remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION ||
      drop.remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE ||
      drop.remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE)
    message +=
        "; zdlint does not track what else depends on a function (column defaults, views, indexes, constraints): "
        "CASCADE silently drops whatever does in production";
  out.emit(ctx.stmt.range, std::move(message), std::string(kHelp));
}

void check_alter(const StatementContext& ctx, const PgQuery__AlterTableStmt& alter, Emitter& out) {
  const QualifiedName table = qualified_name(alter.relation);
  if (ctx.is_new_table(table)) return;
  const Table* facts = ctx.catalog.find_table_facts(table);
  for (const PgQuery__AlterTableCmd& cmd : alter_table_subcommands(alter)) {
    if (cmd.behavior != PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE || !cmd.name) continue;
    const bool column = cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn;
    if (!column && cmd.subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint) continue;
    Names dependents;
    const auto is_key = [](const Constraint& k) {
      return k.kind == ConstraintKind::PrimaryKey || k.kind == ConstraintKind::Unique;
    };
    if (column) {
      for (const Table* view : ctx.catalog.views_depending_on(table))
        dependents.push_back(fmt::format("{} {} if it uses the column", to_string(view->kind), view->name.str()));
      const bool in_key = facts && std::any_of(facts->constraints.begin(), facts->constraints.end(), [&](const auto& k) {
                            return is_key(k) && std::find(k.columns.begin(), k.columns.end(), cmd.name) != k.columns.end();
                          });
      if (in_key) add_foreign_keys_to(ctx.catalog, table, dependents);
    } else if (const Constraint* key = facts ? facts->constraint(cmd.name) : nullptr; key && is_key(*key)) {
      add_foreign_keys_to(ctx.catalog, table, dependents);
    }
    const std::string what =
        fmt::format("{} \"{}\" of {}", column ? "column" : "constraint", cmd.name, table.str());
    out.emit(drop_clause_range(ctx, cmd.name, column ? PG_QUERY__TOKEN__COLUMN : PG_QUERY__TOKEN__CONSTRAINT),
             fmt::format("DROP ... CASCADE drops every object that depends on what it drops, without naming them: {}",
                         dependents_phrase(what, dependents)),
             std::string(kHelp));
  }
}

void check(const StatementContext& ctx, Emitter& out) {
  if (ctx.stmt.kind() == PG_QUERY__NODE__NODE_DROP_STMT) check_drop(ctx, *ctx.stmt.node->drop_stmt, out);
  if (const PgQuery__AlterTableStmt* alter = alter_table_of_table(ctx.stmt)) check_alter(ctx, *alter, out);
}

}  // namespace

const Rule& drop_cascade_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "drop-cascade",
              .category = "compatibility",
              .severity = Severity::Warning,
              .summary = "DROP ... CASCADE silently drops the views, foreign keys and columns that depend on the object",
              .rationale = "CASCADE drops every dependent object too: views over a table, foreign keys referencing "
                           "it, columns of a dropped type with their data, everything in a dropped schema. None of "
                           "them appears in the migration, and production may have dependents the history never "
                           "created.",
              .alternative = "Drop the dependents explicitly first, then drop the object without CASCADE, so "
                             "PostgreSQL refuses if something unexpected still depends on it.",
          },
      .check = check,
  };
  return rule;
}

}  // namespace zdlint
