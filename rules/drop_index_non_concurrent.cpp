// drop-index-non-concurrent: DROP INDEX without CONCURRENTLY takes an AccessExclusiveLock on the
// index and on its table (measured: locks.md #95), so reads and writes of the table stop while the
// drop waits for older transactions and until the migration's transaction commits.
#include <fmt/format.h>

#include "parser/sql_text.h"
#include "rules/messages.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

void check(const StatementContext& ctx, Emitter& out) {
  if (ctx.stmt.kind() != PG_QUERY__NODE__NODE_DROP_STMT) return;
  const auto& drop = *ctx.stmt.node->drop_stmt;
  if (drop.remove_type != PG_QUERY__OBJECT_TYPE__OBJECT_INDEX || drop.concurrent) return;

  std::vector<std::string> phrases;
  for (size_t i = 0; i < drop.n_objects; ++i) {
    const QualifiedName name = qualified_name(drop.objects[i]);
    const LockEffect* index = ctx.effects.find(name);
    if (!index || !index->pre_existing()) continue;  // created earlier in this file: nobody uses it yet
    const Index* known = ctx.catalog.find_index(name);
    if (!known) {
      phrases.push_back(fmt::format("AccessExclusiveLock on index {} and on the table it belongs to, blocking "
                                    "reads and writes of that table",
                                    relation_label(*index)));
      continue;
    }
    const LockEffect* table = ctx.effects.find(known->table);
    if (!table || !table->pre_existing()) continue;  // its table is new in this file
    phrases.push_back(fmt::format("AccessExclusiveLock on index {} and {}", name.str(), lock_phrase(*table)));
  }
  if (phrases.empty()) return;

  std::string locks;
  for (const auto& phrase : phrases) locks += (locks.empty() ? "" : "; ") + phrase;
  Diagnostic& d = out.emit(
      ctx.stmt.range,
      fmt::format("DROP INDEX without CONCURRENTLY takes {}. The drop itself is quick, but it first waits for "
                  "every open transaction that touched the table while all later queries queue behind it, and "
                  "the lock is held until the transaction commits",
                  locks),
      "use DROP INDEX CONCURRENTLY (ShareUpdateExclusiveLock on the table: reads and writes continue), one "
      "index per statement, without CASCADE, in a migration that does not run inside a transaction block");
  const bool cascade = drop.behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
  if (ctx.stmt.origin == StatementOrigin::TopLevel && drop.n_objects == 1 && !cascade)
    if (const Token* keyword = first_token_of_kind(ctx.stmt, PG_QUERY__TOKEN__INDEX))
      d.fix = Fix{"Drop the index concurrently", false, {{{keyword->end, keyword->end}, " CONCURRENTLY"}}};
}

}  // namespace

const Rule& drop_index_non_concurrent_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "drop-index-non-concurrent",
              .category = "lock",
              .severity = Severity::Warning,
              .summary = "DROP INDEX without CONCURRENTLY locks the index's table against reads and writes",
              .rationale = "A plain DROP INDEX takes AccessExclusiveLock on the index and on its table. The drop is "
                           "catalog-only, but the lock request waits behind every open transaction on the table "
                           "and every later SELECT, INSERT, UPDATE and DELETE waits behind it.",
              .alternative = "DROP INDEX CONCURRENTLY, one index per statement, outside a transaction block.",
              .equivalents = {.squawk = "require-concurrent-index-deletion",
                              .strong_migrations = "remove_index",
                              .pgfence = "drop-index-not-concurrent"},
          },
      .check = check,
  };
  return rule;
}

}  // namespace zdlint
