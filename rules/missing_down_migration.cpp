// missing-down-migration: a migration that destroys something that existed before it (drops a
// table, column, index, constraint, view, type or function, truncates or deletes every row, changes a
// column's type, renames a table or column) has no way back: no down migration for its runner to run
// and no `-- zdlint-rollback: <how>` comment that documents one. An empty directive is reported too.
#include <fmt/format.h>

#include "analyzer/data_change.h"
#include "rules/messages.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

std::string_view object_word(PgQuery__ObjectType type) {
  switch (type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE: return "table";
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW: return "view";
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW: return "materialized view";
    case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE: return "foreign table";
    case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX: return "index";
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE: return "sequence";
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE: return "type";
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN: return "domain";
    case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION: return "function";
    case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE: return "procedure";
    case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE: return "routine";
    case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA: return "schema";
    case PG_QUERY__OBJECT_TYPE__OBJECT_EXTENSION: return "extension";
    case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER: return "trigger";
    case PG_QUERY__OBJECT_TYPE__OBJECT_POLICY: return "policy";
    case PG_QUERY__OBJECT_TYPE__OBJECT_RULE: return "rule";
    case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN: return "column";
    default: return "";
  }
}

QualifiedName type_name_of(const PgQuery__Node* object) {
  if (object->node_case != PG_QUERY__NODE__NODE_TYPE_NAME) return {};
  return sql_type(object->type_name).qualified_name();
}

// Whether the object a DROP names was made earlier in this migration (then dropping it loses nothing
// that was deployed). Objects the catalog does not record are taken as pre-existing.
bool made_in_this_migration(const StatementContext& ctx, PgQuery__ObjectType type, const PgQuery__Node* object) {
  const FileId file = ctx.migration.file;
  switch (type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE: return ctx.is_new_table(qualified_name(object));
    case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX: {
      const Index* index = ctx.catalog.find_index(qualified_name(object));
      return index && index->origin.file == file;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE: {
      const Sequence* sequence = ctx.catalog.find_sequence(qualified_name(object));
      return sequence && sequence->origin.file == file;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN: {
      const QualifiedName name = type_name_of(object);
      const EnumType* enumerated = ctx.catalog.find_enum(name);
      const Domain* domain = ctx.catalog.find_domain(name);
      return (enumerated && enumerated->origin.file == file) || (domain && domain->origin.file == file);
    }
    default: return false;
  }
}

std::string object_text(PgQuery__ObjectType type, const PgQuery__Node* object) {
  switch (object->node_case) {
    case PG_QUERY__NODE__NODE_TYPE_NAME: return type_name_of(object).str();
    case PG_QUERY__NODE__NODE_OBJECT_WITH_ARGS:
      return qualified_name(object->object_with_args->objname, object->object_with_args->n_objname).str();
    case PG_QUERY__NODE__NODE_STRING: return std::string(string_value(object));
    default: break;
  }
  if (type == PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER || type == PG_QUERY__OBJECT_TYPE__OBJECT_POLICY ||
      type == PG_QUERY__OBJECT_TYPE__OBJECT_RULE) {
    // [schema.]table.name: the last part is the object, the rest its table.
    const QualifiedName parts = qualified_name(object);
    return parts.name;
  }
  return qualified_name(object).str();
}

std::optional<std::string> drop_destroys(const StatementContext& ctx, const PgQuery__DropStmt& drop) {
  const std::string_view word = object_word(drop.remove_type);
  if (word.empty()) return std::nullopt;
  std::vector<std::string> names;
  for (size_t i = 0; i < drop.n_objects; ++i)
    if (!made_in_this_migration(ctx, drop.remove_type, drop.objects[i]))
      names.push_back(object_text(drop.remove_type, drop.objects[i]));
  if (names.empty()) return std::nullopt;
  return fmt::format("drops {} {}", word, join_names(names));
}

const Column* known_column(const StatementContext& ctx, const QualifiedName& table, std::string_view name) {
  const Table* facts = ctx.catalog.find_table_facts(table);
  return facts ? facts->column(name) : nullptr;
}

bool column_added_here(const StatementContext& ctx, const QualifiedName& table, std::string_view name) {
  const Column* column = known_column(ctx, table, name);
  return column && column->added && column->added->file == ctx.migration.file;
}

std::optional<std::string> alter_destroys(const StatementContext& ctx, const PgQuery__AlterTableStmt& alter) {
  const QualifiedName table = qualified_name(alter.relation);
  if (ctx.is_new_table(table)) return std::nullopt;
  std::vector<std::string> what;
  for (size_t i = 0; i < alter.n_cmds; ++i) {
    if (alter.cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD) continue;
    const auto& cmd = *alter.cmds[i]->alter_table_cmd;
    const std::string name = cmd.name ? cmd.name : "";
    switch (cmd.subtype) {
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn:
        if (!column_added_here(ctx, table, name)) what.push_back(fmt::format("drops column {}.{}", table.str(), name));
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType:
        if (!column_added_here(ctx, table, name))
          what.push_back(fmt::format("changes the type of column {}.{}", table.str(), name));
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint: {
        const Table* facts = ctx.catalog.find_table_facts(table);
        const Constraint* constraint = facts ? facts->constraint(name) : nullptr;
        if (!constraint || constraint->origin.file != ctx.migration.file)
          what.push_back(fmt::format("drops constraint {} of {}", name, table.str()));
        break;
      }
      default: break;
    }
  }
  if (what.empty()) return std::nullopt;
  return join_names(what);
}

std::optional<std::string> rename_destroys(const StatementContext& ctx, const PgQuery__RenameStmt& rename) {
  if (!rename.newname) return std::nullopt;
  switch (rename.rename_type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE: {
      const QualifiedName table = qualified_name(rename.relation);
      if (ctx.is_new_table(table)) return std::nullopt;
      return fmt::format("renames {} {} to {}", object_word(rename.rename_type), table.str(), rename.newname);
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN: {
      const QualifiedName table = qualified_name(rename.relation);
      if (!rename.subname || ctx.is_new_table(table) || column_added_here(ctx, table, rename.subname))
        return std::nullopt;
      return fmt::format("renames column {}.{} to {}", table.str(), rename.subname, rename.newname);
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN:
    case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA: {
      // A schema is named by `subname`, a type or domain by its `object` name list.
      const std::string name =
          rename.object ? qualified_name(rename.object).name : std::string(rename.subname ? rename.subname : "");
      return fmt::format("renames {} {} to {}", object_word(rename.rename_type), name, rename.newname);
    }
    default: return std::nullopt;
  }
}

// What the statement destroys of the schema or the data that existed before the migration.
std::optional<std::string> destroys(const StatementContext& ctx) {
  const Statement& stmt = ctx.stmt;
  if (stmt.origin == StatementOrigin::FunctionBody || !stmt.node) return std::nullopt;
  switch (stmt.kind()) {
    case PG_QUERY__NODE__NODE_DROP_STMT: return drop_destroys(ctx, *stmt.node->drop_stmt);
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT: return alter_destroys(ctx, *stmt.node->alter_table_stmt);
    case PG_QUERY__NODE__NODE_RENAME_STMT: return rename_destroys(ctx, *stmt.node->rename_stmt);
    case PG_QUERY__NODE__NODE_TRUNCATE_STMT: {
      const auto& truncate = *stmt.node->truncate_stmt;
      std::vector<std::string> names;
      for (size_t i = 0; i < truncate.n_relations; ++i)
        if (truncate.relations[i]->node_case == PG_QUERY__NODE__NODE_RANGE_VAR) {
          const QualifiedName table = qualified_name(truncate.relations[i]->range_var);
          if (!ctx.is_new_table(table)) names.push_back(table.str());
        }
      if (names.empty()) return std::nullopt;
      return fmt::format("truncates {}", join_names(names));
    }
    case PG_QUERY__NODE__NODE_DELETE_STMT: {
      const auto change = data_change_of(stmt);
      if (!change || bounds_rows(change->where) || ctx.is_new_table(change->target)) return std::nullopt;
      return fmt::format("deletes every row of {}", change->target.str());
    }
    default: return std::nullopt;
  }
}

void check(const StatementContext& ctx, Emitter& out) {
  const RunnerProfile* runner = ctx.migration.plan ? ctx.migration.plan->runner : nullptr;
  // Without a known runner there is no telling where a down would be; `runner` turns the rule on.
  // A down file named on the command line (a pre-commit hook passes every changed file) is linted
  // like an up, but its drops are the way back, not changes that need one.
  if (!runner || ctx.migration.has_down || ctx.migration.plan->down) return;
  if (ctx.migration.rollback && !ctx.migration.rollback->how.empty()) return;
  const auto what = destroys(ctx);
  if (!what) return;
  if (runner->downs.empty()) {
    out.emit(ctx.stmt.range,
             fmt::format("this migration {} and {} has no down migrations: nothing says how to go back if the "
                         "deploy must be rolled back",
                         *what, runner->name),
             "document the way back in the file with `-- zdlint-rollback: <how>` (restore from a snapshot, a "
             "script that recreates the objects, the roll-forward migration to write), after checking it works");
    return;
  }
  out.emit(ctx.stmt.range,
           fmt::format("this migration {} and has no down migration: {} reverts a migration with {}, and "
                       "without one a rollback of this deploy has no way back",
                       *what, runner->name, runner->downs),
           fmt::format("write the down migration ({}) that recreates what this one removes, or document the way "
                       "back with `-- zdlint-rollback: <how>` when a down cannot bring it back (the dropped data)",
                       runner->downs));
}

// `-- zdlint-rollback:` with nothing after it documents nothing, and satisfies nothing.
void check_file(const FileContext& ctx, Emitter& out) {
  const auto& directive = ctx.migration.rollback;
  if (!directive || !directive->how.empty()) return;
  out.emit(directive->comment, "`-- zdlint-rollback:` is empty: it must say how to go back",
           "write the way back after the colon, e.g. `-- zdlint-rollback: restore public.users from the nightly "
           "snapshot`; an empty directive does not count as one");
}

}  // namespace

const Rule& missing_down_migration_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "missing-down-migration",
              .category = "rollback",
              .severity = Severity::Warning,
              .summary = "A destructive migration has no down migration and no documented way back",
              .rationale = "Dropping, truncating, retyping or renaming something the deployed schema has cannot "
                           "be undone by redeploying the previous application version: without a down migration "
                           "(or a documented procedure) a failed deploy has no rollback.",
              .alternative = "Ship the runner's down migration with the change, or document the way back in the "
                             "file with `-- zdlint-rollback: <how>`.",
              .equivalents = {},
          },
      .check = check,
      .check_file = check_file,
  };
  return rule;
}

}  // namespace zdlint
