// missing-statement-timeout: a statement that rewrites or scans a table that already exists while
// holding ShareLock or stronger (writes blocked for as long as it runs), with no statement_timeout
// in effect. The outage then lasts as long as the table is large; a statement_timeout bounds it.
#include <fmt/format.h>

#include <algorithm>

#include "rules/messages.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

void check(const StatementContext& ctx, Emitter& out) {
  if (ctx.stmt.origin == StatementOrigin::FunctionBody) return;
  const auto& timeout = ctx.session.statement_timeout();
  if (timeout && timeout->milliseconds > 0) return;

  std::vector<const LockEffect*> work;
  for (const auto& effect : ctx.effects.effects)
    if (effect.pre_existing() && effect.kind != RelationKind::Index && (effect.rewrite || effect.scan) &&
        effect.lock >= LockMode::Share)
      work.push_back(&effect);
  if (work.empty()) return;
  std::stable_sort(work.begin(), work.end(), [](const LockEffect* a, const LockEffect* b) { return a->lock > b->lock; });

  const std::string what = join_lock_phrases(work, [](const LockEffect& effect) {
    return fmt::format("{}, while it {}", lock_phrase(effect),
                       effect.rewrite ? "rewrites the table" : "reads every row");
  });
  std::string setting = "no statement_timeout is set";
  if (timeout && ctx.migration.source)
    setting = fmt::format("statement_timeout is 0 (no limit; set on line {})",
                          ctx.migration.source->line_of(timeout->set_at.begin));
  out.emit(ctx.stmt.range,
           fmt::format("this statement holds {}, and {}: the lock is held for as long as the work takes, which grows with "
                       "the table, with nothing to stop it",
                       what, setting),
           "SET statement_timeout to the longest outage you accept before it (it cancels the statement and rolls "
           "back), or better, use a form that does not hold the lock while it works (CONCURRENTLY, NOT VALID + "
           "VALIDATE)");
}

}  // namespace

const Rule& missing_statement_timeout_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "missing-statement-timeout",
              .category = "lock",
              .severity = Severity::Info,
              .summary = "A rewrite or full scan under a write-blocking lock runs without a statement_timeout",
              .rationale = "A statement that rewrites or scans an existing table while holding ShareLock or "
                           "stronger blocks writes (or reads and writes) for as long as it runs; without a "
                           "statement_timeout nothing bounds that outage.",
              .alternative = "SET statement_timeout before the statement, or use the non-blocking form.",
              .equivalents = {.squawk = "require-statement-timeout", .pgfence = "missing-statement-timeout"},
          },
      .check = check,
  };
  return rule;
}

}  // namespace zdlint
