// truncate: TRUNCATE of a table that existed before this migration deletes all of its rows at
// once under AccessExclusiveLock; with CASCADE also those of every table referencing it.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "rules/messages.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

// Every table TRUNCATE ... CASCADE reaches through foreign keys, as far as the history knows.
void add_referencing(const Catalog& catalog, const QualifiedName& table, std::vector<QualifiedName>& reached) {
  for (const Table* child : catalog.tables_referencing(table)) {
    if (std::find(reached.begin(), reached.end(), child->name) != reached.end()) continue;
    reached.push_back(child->name);
    add_referencing(catalog, child->name, reached);
  }
}

void check(const StatementContext& ctx, Emitter& out) {
  if (ctx.stmt.kind() != PG_QUERY__NODE__NODE_TRUNCATE_STMT) return;
  if (ctx.stmt.origin == StatementOrigin::FunctionBody) return;  // the lock model has no effects for it
  const auto& truncate = *ctx.stmt.node->truncate_stmt;
  const bool cascade = truncate.behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
  std::vector<QualifiedName> named;
  for (size_t i = 0; i < truncate.n_relations; ++i)
    if (truncate.relations[i]->node_case == PG_QUERY__NODE__NODE_RANGE_VAR)
      named.push_back(qualified_name(truncate.relations[i]->range_var));
  std::vector<QualifiedName> cascaded;
  if (cascade)
    for (const auto& table : named) add_referencing(ctx.catalog, table, cascaded);
  std::erase_if(cascaded, [&](const QualifiedName& t) { return std::find(named.begin(), named.end(), t) != named.end(); });

  const auto pre_existing = [&](const QualifiedName& t) { return !ctx.is_new_table(t); };
  if (std::none_of(named.begin(), named.end(), pre_existing) && std::none_of(cascaded.begin(), cascaded.end(), pre_existing))
    return;
  std::vector<std::string> names;
  for (const auto& table : named) names.push_back(table.str());
  std::string also;
  if (cascade) {
    std::vector<std::string> children;
    for (const auto& table : cascaded) children.push_back(table.str());
    also = children.empty()
               ? "; CASCADE also empties every table with a foreign key referencing it: the history shows none, but "
                 "it silently empties whatever references it in production"
               : fmt::format("; CASCADE also empties {}, whose foreign keys reference it directly or through one "
                             "another",
                             fmt::join(children, ", "));
  }
  std::string locks = pre_existing_locks_phrase(ctx.effects);
  if (locks.empty()) locks = "AccessExclusiveLock on each table, blocking reads and writes";
  out.emit(ctx.stmt.range,
           fmt::format("TRUNCATE deletes every row of {} at once{}; until the transaction ends it holds {}; "
                       "transactions whose snapshot is older see the emptied tables as empty",
                       fmt::join(names, ", "), also, locks),
           "do not empty a table the application still uses in a migration: delete in small batches outside it, or "
           "stop using the table first; if the data must go, set a short lock_timeout and name every table "
           "explicitly instead of CASCADE");
}

}  // namespace

const Rule& truncate_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "truncate",
              .category = "lock",
              .severity = Severity::Warning,
              .summary = "TRUNCATE of an existing table deletes all its rows under AccessExclusiveLock",
              .rationale = "TRUNCATE takes an AccessExclusiveLock on the table (and, with CASCADE, on every table "
                           "referencing it), blocking reads and writes, and removes all the data: a rollback of the "
                           "application cannot bring it back.",
              .alternative = "Batched DELETE outside the migration, or stop using the table first; never CASCADE "
                             "into tables you did not name.",
              .equivalents = {.squawk = "ban-truncate-cascade", .pgfence = "truncate"},
          },
      .check = check,
  };
  return rule;
}

}  // namespace zdlint
