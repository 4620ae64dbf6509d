// rewrite-table-storage: ALTER TABLE … SET TABLESPACE copies the table's files, SET LOGGED /
// SET UNLOGGED and SET ACCESS METHOD rewrite the table and rebuild its indexes, all under
// AccessExclusiveLock for a time that grows with the table. ALTER INDEX … SET TABLESPACE copies the
// index under AccessExclusiveLock, which stops every query on its table.
#include <fmt/format.h>

#include "parser/sql_text.h"
#include "rules/alter_table_parts.h"
#include "rules/messages.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

constexpr std::string_view kRewriteHelp =
    "there is no online form: build a new table with the wanted storage, copy the rows in batches while a trigger "
    "carries over ongoing writes, and swap the names in a short transaction (pg_repack automates this), or run it "
    "in a maintenance window";

// The clause of the next "SET <keyword>" subcommand, searched from token `from` on so that
// several subcommands find their own text. Falls back to the statement.
ByteRange set_clause(const Statement& stmt, int32_t keyword, size_t& from) {
  const auto tokens = tokens_without_comments(stmt);
  for (size_t i = from; i + 1 < tokens.size(); ++i)
    if (tokens[i]->kind == PG_QUERY__TOKEN__SET && tokens[i + 1]->kind == keyword) {
      from = i + 2;
      return clause_range(stmt, tokens[i]->begin);
    }
  return stmt.range;
}

bool is_storage_subcommand(PgQuery__AlterTableType subtype) {
  return subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_SetTableSpace ||
         subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_SetLogged || subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_SetUnLogged ||
         subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_SetAccessMethod;
}

void index_tablespace(const StatementContext& ctx, const QualifiedName& name, const std::string& tablespace,
                      ByteRange range, Emitter& out) {
  const LockEffect* index = ctx.effects.find(name);
  if (!index || !index->pre_existing()) return;
  const Index* known = ctx.catalog.find_index(name);
  if (known)
    if (const Table* table = ctx.catalog.find_table(known->table);
        table && table->kind == RelationKind::PartitionedTable)
      return;  // a partitioned index has no storage: only the default for future partitions changes
  const std::string table = known ? known->table.str() : std::string("its table");
  out.emit(
      range,
      fmt::format("SET TABLESPACE copies every block of index {} to tablespace {} while holding "
                  "AccessExclusiveLock on it: every query plan on {} locks all of the table's indexes, so reads "
                  "and writes of the table block for a time that grows with the index's size",
                  relation_label(*index), tablespace, table),
      ctx.settings.pg_version >= 14
          ? fmt::format("rebuild the index in the new tablespace online: REINDEX (TABLESPACE {}) INDEX CONCURRENTLY "
                        "{} (PostgreSQL 14+, outside a transaction block), or CREATE INDEX CONCURRENTLY a copy "
                        "… TABLESPACE {}, then DROP INDEX CONCURRENTLY the old one",
                        tablespace, name.str(), tablespace)
          : fmt::format("CREATE INDEX CONCURRENTLY a copy of the index … TABLESPACE {}, then DROP INDEX "
                        "CONCURRENTLY the old one and rename the copy (outside a transaction block)",
                        tablespace));
}

void check_alter(const StatementContext& ctx, Emitter& out) {
  const auto& alter = *ctx.stmt.node->alter_table_stmt;
  if (!alter.relation) return;
  const QualifiedName target = qualified_name(alter.relation);
  size_t search_from = 0;
  for (const PgQuery__AlterTableCmd& cmd : alter_table_subcommands(alter)) {
    if (!is_storage_subcommand(cmd.subtype)) continue;
    const std::string name = cmd.name ? cmd.name : "";
    int32_t keyword = PG_QUERY__TOKEN__TABLESPACE;
    if (cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_SetLogged) keyword = PG_QUERY__TOKEN__LOGGED;
    if (cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_SetUnLogged) keyword = PG_QUERY__TOKEN__UNLOGGED;
    if (cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_SetAccessMethod) keyword = PG_QUERY__TOKEN__ACCESS;
    const ByteRange range = set_clause(ctx.stmt, keyword, search_from);

    const LockEffect* effect = ctx.effects.find(target);
    if (alter.objtype == PG_QUERY__OBJECT_TYPE__OBJECT_INDEX || (effect && effect->kind == RelationKind::Index)) {
      if (cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_SetTableSpace) index_tablespace(ctx, target, name, range, out);
      continue;
    }
    if (!effect || !effect->pre_existing()) continue;
    // A partitioned table has no storage of its own: these only set what future partitions get.
    if (effect->kind == RelationKind::PartitionedTable) continue;
    const Table* known = ctx.catalog.find_table(target);
    const std::string what = effect->kind == RelationKind::MaterializedView ? "materialized view" : "table";

    switch (cmd.subtype) {
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetTableSpace:
        out.emit(range,
                 fmt::format("SET TABLESPACE copies every block of the {} to tablespace {} while holding {}, for a "
                             "time that grows with its size (its indexes stay where they are)",
                             what, name, lock_phrase(*effect)),
                 effect->kind == RelationKind::MaterializedView
                     ? fmt::format("create a copy of the materialized view in tablespace {} (CREATE MATERIALIZED "
                                   "VIEW … TABLESPACE {}), then swap the names in a short transaction",
                                   name, name)
                     : fmt::format("move the table online with pg_repack --tablespace {} (add --moveidx to move its "
                                   "indexes too): it copies the rows while reads and writes continue and holds "
                                   "AccessExclusiveLock only for the final swap; otherwise run it in a maintenance "
                                   "window",
                                   name));
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetLogged:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetUnLogged: {
        const bool unlogged = cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_SetUnLogged;
        if (known && known->unlogged == unlogged) continue;  // already so: PostgreSQL does nothing
        Diagnostic& d = out.emit(
            range,
            fmt::format("SET {} rewrites the table and rebuilds every index on it while holding {}, for a time that "
                        "grows with the table's size",
                        unlogged ? "UNLOGGED" : "LOGGED", lock_phrase(*effect)),
            std::string(kRewriteHelp));
        d.notes.push_back(
            {unlogged ? std::string("an unlogged table is not written to the WAL: it is emptied after a crash and is "
                                    "not copied to streaming replicas or logical subscribers")
                      : std::string("SET LOGGED also writes the whole table to the WAL, which replicas must replay: "
                                    "expect replication lag"),
             std::nullopt});
        break;
      }
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetAccessMethod: {
        const std::string current = known ? known->access_method : "heap";
        if (name.empty() || name == current) continue;  // the same access method: a no-op
        Diagnostic& d = out.emit(
            range,
            fmt::format("SET ACCESS METHOD {} rewrites the {} into the new access method and rebuilds every index on "
                        "it while holding {}, for a time that grows with its size",
                        name, what, lock_phrase(*effect)),
            std::string(kRewriteHelp));
        if (!known)
          d.notes.push_back({fmt::format("zdlint has not seen {} created, so its current access method is assumed to "
                                         "be heap",
                                         target.str()),
                             std::nullopt});
        break;
      }
      default:
        break;
    }
  }
}

void check_move_all(const StatementContext& ctx, Emitter& out) {
  const auto& move = *ctx.stmt.node->alter_table_move_all_stmt;
  std::string_view what = "table";
  if (move.objtype == PG_QUERY__OBJECT_TYPE__OBJECT_INDEX) what = "index";
  if (move.objtype == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW) what = "materialized view";
  out.emit(
      ctx.stmt.range,
      fmt::format("moving every {} in tablespace {} to {} copies the files of each one while holding "
                  "AccessExclusiveLock on it{}, one after the other, for a time that grows with its size "
                  "(the relations in it are assumed large and busy)",
                  what, move.orig_tablespacename ? move.orig_tablespacename : "?",
                  move.new_tablespacename ? move.new_tablespacename : "?",
                  what == "index" ? ", which blocks reads and writes of its table" : ", blocking reads and writes"),
      what == "index" ? fmt::format("move the indexes one at a time with REINDEX (TABLESPACE {}) INDEX CONCURRENTLY "
                                    "… (PostgreSQL 14+), outside a transaction block",
                                    move.new_tablespacename ? move.new_tablespacename : "…")
                      : fmt::format("move the tables one at a time with pg_repack --tablespace {} --moveidx, which "
                                    "copies them while reads and writes continue; otherwise run it in a "
                                    "maintenance window",
                                    move.new_tablespacename ? move.new_tablespacename : "…"));
}

void check(const StatementContext& ctx, Emitter& out) {
  if (ctx.stmt.origin == StatementOrigin::FunctionBody) return;  // the lock model has no effects for it
  if (ctx.stmt.kind() == PG_QUERY__NODE__NODE_ALTER_TABLE_STMT) check_alter(ctx, out);
  if (ctx.stmt.kind() == PG_QUERY__NODE__NODE_ALTER_TABLE_MOVE_ALL_STMT) check_move_all(ctx, out);
}

}  // namespace

const Rule& rewrite_table_storage_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "rewrite-table-storage",
              .category = "rewrite",
              .severity = Severity::Error,
              .summary = "SET TABLESPACE, SET LOGGED/UNLOGGED and SET ACCESS METHOD copy a table under "
                         "AccessExclusiveLock",
              .rationale = "Moving a table to another tablespace copies its files; switching it between logged and "
                           "unlogged, or to another access method, rewrites it and rebuilds its indexes. All of it "
                           "happens under AccessExclusiveLock, so reads and writes wait for a time that grows with "
                           "the table's size. Moving an index locks it AccessExclusive, which stops every query on "
                           "its table.",
              .alternative = "A new table with the wanted storage, filled in batches and swapped in (pg_repack "
                             "automates this); for an index, REINDEX (TABLESPACE …) INDEX CONCURRENTLY.",
              .equivalents = {.pgfence = "set-logged-unlogged"},
          },
      .check = check,
  };
  return rule;
}

}  // namespace zdlint
