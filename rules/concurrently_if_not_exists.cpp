// concurrently-if-not-exists: CREATE INDEX CONCURRENTLY IF NOT EXISTS. A failed concurrent build
// (a duplicate key for UNIQUE, a cancel, a deadlock, a statement_timeout) leaves an INVALID index
// behind (locks.md #143); on the retry IF NOT EXISTS sees that name and skips the build, so the
// migration "succeeds" with an index the planner never uses but every write still maintains.
#include <fmt/format.h>

#include "rules/registry.h"

namespace zdlint {
namespace {

// From IF to EXISTS, when the tokens are there.
ByteRange if_not_exists_range(const Statement& stmt) {
  for (size_t i = 0; i + 2 < stmt.tokens.size(); ++i) {
    if (stmt.tokens[i].kind != PG_QUERY__TOKEN__IF_P) continue;
    for (size_t k = i + 1; k < stmt.tokens.size() && k <= i + 4; ++k)
      if (stmt.tokens[k].kind == PG_QUERY__TOKEN__EXISTS) return {stmt.tokens[i].begin, stmt.tokens[k].end};
  }
  return stmt.range;
}

void check(const StatementContext& ctx, Emitter& out) {
  if (ctx.stmt.kind() != PG_QUERY__NODE__NODE_INDEX_STMT || ctx.stmt.origin != StatementOrigin::TopLevel) return;
  const auto& index = *ctx.stmt.node->index_stmt;
  if (!index.concurrent || !index.if_not_exists) return;
  const std::string name = index.idxname ? index.idxname : "";
  const std::string schema = index.relation ? qualified_name(index.relation).schema : "public";
  out.emit(if_not_exists_range(ctx.stmt),
           fmt::format("CREATE INDEX CONCURRENTLY IF NOT EXISTS: when a concurrent build fails (a duplicate key, a "
                       "deadlock, a cancel or a timeout) it leaves the INVALID index \"{}\" behind, and on the retry "
                       "IF NOT EXISTS finds that name and skips the build. The migration then succeeds with an index "
                       "the planner never uses and every write still has to maintain",
                       name),
           fmt::format("remove IF NOT EXISTS so a retry fails loudly on a leftover; after a failed build drop it with "
                       "DROP INDEX CONCURRENTLY {}.{} (or check pg_index.indisvalid) before running the migration "
                       "again",
                       schema, name));
}

}  // namespace

const Rule& concurrently_if_not_exists_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "concurrently-if-not-exists",
              .category = "correctness",
              .severity = Severity::Warning,
              .summary = "CREATE INDEX CONCURRENTLY IF NOT EXISTS keeps an INVALID index left by a failed build",
              .rationale = "A failed CREATE INDEX CONCURRENTLY leaves an INVALID index behind. IF NOT EXISTS then "
                           "skips the build on the retry, so the migration succeeds without a usable index while "
                           "every write keeps maintaining the invalid one.",
              .alternative = "CREATE INDEX CONCURRENTLY without IF NOT EXISTS; after a failure, DROP INDEX "
                             "CONCURRENTLY the invalid leftover before retrying.",
          },
      .check = check,
  };
  return rule;
}

}  // namespace zdlint
