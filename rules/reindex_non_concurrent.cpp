// reindex-non-concurrent: REINDEX without CONCURRENTLY takes only a ShareLock on the table, but
// AccessExclusiveLock on every index it rebuilds. Planning any query on a table locks all of its
// indexes, so reads of the table stop too, for the whole rebuild (measured on PostgreSQL 15).
#include <fmt/format.h>

#include "analyzer/lock_effects_builder.h"
#include "rules/messages.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

std::string help_for(int pg_version, std::string_view what) {
  if (pg_version < 12)
    return fmt::format(
        "PostgreSQL {} has no REINDEX CONCURRENTLY: build a replacement with CREATE INDEX CONCURRENTLY, then DROP "
        "INDEX CONCURRENTLY the old index and rename the new one (for an index behind a PRIMARY KEY or UNIQUE "
        "constraint, swap it in with ADD CONSTRAINT … USING INDEX); each CONCURRENTLY step outside a transaction "
        "block",
        pg_version);
  return fmt::format(
      "use REINDEX {} CONCURRENTLY (ShareUpdateExclusiveLock: reads and writes continue while the "
      "new index is built beside the old one), in a migration that does not run inside a transaction "
      "block",
      what);
}

// The keyword after which CONCURRENTLY goes: INDEX, TABLE, SCHEMA or DATABASE.
const Token* object_keyword(const Statement& stmt) {
  for (const auto& token : stmt.tokens) {
    if (token.is_comment()) continue;
    if (token.kind == PG_QUERY__TOKEN__INDEX || token.kind == PG_QUERY__TOKEN__TABLE ||
        token.kind == PG_QUERY__TOKEN__SCHEMA || token.kind == PG_QUERY__TOKEN__DATABASE)
      return &token;
  }
  return nullptr;
}

void add_fix(const StatementContext& ctx, const PgQuery__ReindexStmt& reindex, Diagnostic& d) {
  if (ctx.settings.pg_version < 12 || ctx.stmt.origin != StatementOrigin::TopLevel) return;
  // (CONCURRENTLY false) says it on purpose: adding the keyword would contradict it.
  for (size_t i = 0; i < reindex.n_params; ++i)
    if (reindex.params[i]->node_case == PG_QUERY__NODE__NODE_DEF_ELEM && reindex.params[i]->def_elem->defname &&
        std::string_view(reindex.params[i]->def_elem->defname) == "concurrently")
      return;
  if (const Token* keyword = object_keyword(ctx.stmt))
    d.fix = Fix{"Rebuild concurrently", false, {{{keyword->end, keyword->end}, " CONCURRENTLY"}}};
}

void check(const StatementContext& ctx, Emitter& out) {
  if (ctx.stmt.kind() != PG_QUERY__NODE__NODE_REINDEX_STMT) return;
  if (ctx.stmt.origin == StatementOrigin::FunctionBody) return;  // the lock model has no effects for it
  const auto& reindex = *ctx.stmt.node->reindex_stmt;
  if (has_option(reindex.params, reindex.n_params, "concurrently")) return;

  switch (reindex.kind) {
    case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_INDEX: {
      if (!reindex.relation) return;
      const QualifiedName name = qualified_name(reindex.relation);
      const LockEffect* index = ctx.effects.find(name);
      if (!index || !index->pre_existing()) return;
      const Index* known = ctx.catalog.find_index(name);
      const LockEffect* table = known ? ctx.effects.find(known->table) : nullptr;
      std::string message;
      if (table)
        message = fmt::format(
            "REINDEX INDEX rebuilds {} from every row of {} while holding AccessExclusiveLock on the index and {}: "
            "every query plan on the table locks all of its indexes, so reads stop too, for the whole rebuild",
            relation_label(*index), table->relation.str(), lock_phrase(*table));
      else
        message = fmt::format(
            "REINDEX INDEX rebuilds {} from every row of its table while holding AccessExclusiveLock on the index "
            "and ShareLock on the table: writes to the table block, and because every query plan on the table "
            "locks all of its indexes, reads stop too, for the whole rebuild",
            relation_label(*index));
      Diagnostic& d = out.emit(ctx.stmt.range, std::move(message), help_for(ctx.settings.pg_version, "INDEX"));
      add_fix(ctx, reindex, d);
      return;
    }
    case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_TABLE: {
      if (!reindex.relation) return;
      const LockEffect* table = ctx.effects.find(qualified_name(reindex.relation));
      if (!table || !table->pre_existing()) return;
      Diagnostic& d = out.emit(
          ctx.stmt.range,
          fmt::format("REINDEX TABLE rebuilds every index of {} from every row while holding ShareLock on the table "
                      "and AccessExclusiveLock on each index: every query plan on the table locks all of its "
                      "indexes, so {} block, for the whole rebuild",
                      relation_label(*table), describe_blocked(table->blocks())),
          help_for(ctx.settings.pg_version, "TABLE"));
      add_fix(ctx, reindex, d);
      return;
    }
    case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_SCHEMA:
    case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_DATABASE: {
      const bool schema = reindex.kind == PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_SCHEMA;
      const std::string scope =
          schema ? fmt::format("schema {}", reindex.name ? reindex.name : "?") : std::string("the database");
      Diagnostic& d = out.emit(
          ctx.stmt.range,
          fmt::format("REINDEX {} rebuilds every index of every table in {}, one table at a time, each under "
                      "ShareLock on the table and AccessExclusiveLock on its indexes: reads and writes of the table "
                      "being reindexed block until its indexes are rebuilt (tables in it are assumed large and busy)",
                      schema ? "SCHEMA" : "DATABASE", scope),
          help_for(ctx.settings.pg_version, schema ? "SCHEMA" : "DATABASE"));
      add_fix(ctx, reindex, d);
      return;
    }
    default:
      return;  // SYSTEM: catalogs cannot be reindexed concurrently
  }
}

}  // namespace

const Rule& reindex_non_concurrent_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "reindex-non-concurrent",
              .category = "lock",
              .severity = Severity::Error,
              .summary = "REINDEX without CONCURRENTLY blocks reads and writes of the table",
              .rationale = "REINDEX takes ShareLock on the table (writes wait) and AccessExclusiveLock on each index "
                           "it rebuilds. Planning any query on a table locks every index of it, so SELECTs wait as "
                           "well, for a rebuild that grows with the table's size.",
              .alternative = "REINDEX … CONCURRENTLY (PostgreSQL 12+), outside a transaction block; before 12, "
                             "CREATE INDEX CONCURRENTLY a replacement and drop the old index concurrently.",
              .equivalents = {.squawk = "require-concurrent-reindex", .pgfence = "reindex-non-concurrent"},
          },
      .check = check,
  };
  return rule;
}

}  // namespace zdlint
