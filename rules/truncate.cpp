// truncate: TRUNCATE of a table that existed before this migration deletes all of its rows at
// once under AccessExclusiveLock; with CASCADE also those of every table referencing it.
#include <fmt/format.h>

#include <algorithm>
#include <unordered_set>

#include "rules/messages.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

// Every table TRUNCATE ... CASCADE reaches through foreign keys from `named`, as far as the history
// knows, depth first. A walk with a stack of its own: a chain of foreign keys may be thousands of
// tables long.
std::vector<QualifiedName> tables_reached(const Catalog& catalog, const std::vector<QualifiedName>& named) {
  std::vector<QualifiedName> reached;
  std::unordered_set<QualifiedName, QualifiedNameHash> seen;
  struct Referencing {
    std::vector<const Table*> tables;
    size_t next = 0;
  };
  for (const QualifiedName& table : named) {
    std::vector<Referencing> stack{{catalog.tables_referencing(table)}};
    while (!stack.empty()) {
      Referencing& top = stack.back();
      if (top.next == top.tables.size()) {
        stack.pop_back();
        continue;
      }
      const QualifiedName& child = top.tables[top.next++]->name;
      if (!seen.insert(child).second) continue;
      reached.push_back(child);
      stack.push_back({catalog.tables_referencing(child)});
    }
  }
  return reached;
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
  if (cascade) {
    cascaded = tables_reached(ctx.catalog, named);
    const std::unordered_set<QualifiedName, QualifiedNameHash> named_set(named.begin(), named.end());
    std::erase_if(cascaded, [&](const QualifiedName& t) { return named_set.contains(t); });
  }

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
               : fmt::format(
                     "; CASCADE also empties {}, whose foreign keys reference it directly or through one "
                     "another",
                     join_names(children));
  }
  std::string locks = pre_existing_locks_phrase(ctx.effects);
  if (locks.empty()) locks = "AccessExclusiveLock on each table, blocking reads and writes";
  out.emit(ctx.stmt.range,
           fmt::format("TRUNCATE deletes every row of {} at once{}; until the transaction ends it holds {}; "
                       "transactions whose snapshot is older see the emptied tables as empty",
                       join_names(names), also, locks),
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
