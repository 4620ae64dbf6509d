// refresh-matview-non-concurrent: REFRESH MATERIALIZED VIEW without CONCURRENTLY fills new files
// under AccessExclusiveLock, so every query that reads the view waits for the whole refresh.
// CONCURRENTLY takes ExclusiveLock instead (reads continue) and needs a unique index.
#include <fmt/format.h>

#include <algorithm>

#include "rules/messages.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

// A unique index REFRESH … CONCURRENTLY accepts: plain columns, no WHERE clause.
bool has_usable_unique_index(const Catalog& catalog, const QualifiedName& view) {
  for (const Index* index : catalog.indexes_of(view)) {
    if (!index->unique || index->partial || index->columns.empty()) continue;
    if (std::none_of(index->columns.begin(), index->columns.end(), [](const std::string& c) { return c.empty(); }))
      return true;
  }
  return false;
}

void check(const StatementContext& ctx, Emitter& out) {
  if (ctx.stmt.kind() != PG_QUERY__NODE__NODE_REFRESH_MAT_VIEW_STMT) return;
  if (ctx.stmt.origin == StatementOrigin::FunctionBody) return;  // the lock model has no effects for it
  const auto& refresh = *ctx.stmt.node->refresh_mat_view_stmt;
  if (refresh.concurrent || !refresh.relation) return;
  const QualifiedName name = qualified_name(refresh.relation);
  const LockEffect* view = ctx.effects.find(name);
  if (!view || !view->pre_existing() || view->lock != LockMode::AccessExclusive) return;
  const std::string lock = fmt::format("{} on {}", lock_name(view->lock), relation_label(*view));

  if (refresh.skip_data) {
    out.emit(ctx.stmt.range,
             fmt::format("REFRESH MATERIALIZED VIEW … WITH NO DATA takes {} and empties it: from then on every query "
                         "that reads it fails with \"materialized view has not been populated\" until it is refreshed "
                         "again",
                         lock),
             "do not empty a materialized view the application reads; stop reading it first and drop it in a later "
             "migration, or keep refreshing it with REFRESH MATERIALIZED VIEW CONCURRENTLY");
    return;
  }

  Diagnostic& d = out.emit(
      ctx.stmt.range,
      fmt::format("REFRESH MATERIALIZED VIEW without CONCURRENTLY re-runs the view's query and swaps in the result "
                  "while holding {}: every query that reads the view waits for the whole refresh, which grows with "
                  "the data the query reads",
                  lock),
      fmt::format("use REFRESH MATERIALIZED VIEW CONCURRENTLY {} (ExclusiveLock: reads of the view continue, only "
                  "other refreshes wait); it needs a UNIQUE index on the materialized view over plain columns "
                  "without a WHERE clause, and a view that has been populated once; unlike CREATE INDEX "
                  "CONCURRENTLY it may run inside a transaction block",
                  name.str()));
  if (view->known && !has_usable_unique_index(ctx.catalog, name))
    d.notes.push_back({fmt::format("{} has no unique index over plain columns in the migrations zdlint read: create "
                                   "one first (CREATE UNIQUE INDEX CONCURRENTLY … ON {} (…)), or CONCURRENTLY fails",
                                   name.str(), name.str()),
                       std::nullopt});
}

}  // namespace

const Rule& refresh_matview_non_concurrent_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "refresh-matview-non-concurrent",
              .category = "lock",
              .severity = Severity::Error,
              .summary = "REFRESH MATERIALIZED VIEW without CONCURRENTLY blocks every reader of the view",
              .rationale = "A plain refresh holds AccessExclusiveLock on the materialized view while its query runs "
                           "and the result is written to new files: every SELECT on the view waits for the whole "
                           "refresh.",
              .alternative = "REFRESH MATERIALIZED VIEW CONCURRENTLY (ExclusiveLock: reads continue), after creating "
                             "a unique index on the view.",
              .equivalents = {.pgfence = "refresh-matview-blocking"},
          },
      .check = check,
  };
  return rule;
}

}  // namespace zdlint
