// create-index-non-concurrent: CREATE INDEX without CONCURRENTLY on a table that already exists
// takes a ShareLock, which blocks every write for as long as the index build takes.
#include <fmt/format.h>

#include "rules/registry.h"

namespace zdlint {
namespace {

const Token* index_keyword(const Statement& stmt) {
  for (const auto& token : stmt.tokens)
    if (token.kind == PG_QUERY__TOKEN__INDEX) return &token;
  return nullptr;
}

void check(const StatementContext& ctx, Emitter& out) {
  if (ctx.stmt.kind() != PG_QUERY__NODE__NODE_INDEX_STMT) return;
  const auto& index = *ctx.stmt.node->index_stmt;
  if (index.concurrent || !index.relation) return;
  // CREATE INDEX ... ON ONLY parent creates an invalid index on a partitioned table's parent
  // alone: a catalog change, and the documented first step of building partition indexes safely.
  if (!index.relation->inh) return;
  const QualifiedName table = qualified_name(index.relation);
  if (ctx.is_new_table(table)) return;

  const char* where = ctx.stmt.origin == StatementOrigin::FunctionBody ? " when the function runs" : "";
  Diagnostic& d = out.emit(
      ctx.stmt.range,
      fmt::format("CREATE INDEX without CONCURRENTLY takes a ShareLock on \"{}\"{}: INSERT, UPDATE and DELETE "
                  "are blocked (reads continue) for the whole index build, which grows with the table",
                  table.str(), where),
      "use CREATE INDEX CONCURRENTLY (ShareUpdateExclusiveLock: writes continue) in a migration that does not "
      "run inside a transaction block");
  if (!ctx.catalog.find_table(table))
    d.notes.push_back({fmt::format("zdlint has not seen \"{}\" created in the migrations it read, so it is "
                                   "assumed to be a large table in use",
                                   table.str()),
                       std::nullopt});
  if (ctx.stmt.origin == StatementOrigin::TopLevel) {
    if (const Token* keyword = index_keyword(ctx.stmt))
      d.fix = Fix{"Build the index concurrently", false, {{{keyword->end, keyword->end}, " CONCURRENTLY"}}};
  }
}

}  // namespace

const Rule& create_index_non_concurrent_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "create-index-non-concurrent",
              .category = "lock",
              .severity = Severity::Error,
              .summary = "CREATE INDEX without CONCURRENTLY blocks writes to an existing table",
              .rationale = "A plain CREATE INDEX holds a ShareLock on the table until the build finishes: "
                           "every INSERT, UPDATE and DELETE waits, for a time proportional to the table's size.",
              .alternative = "CREATE INDEX CONCURRENTLY, outside a transaction block.",
              .equivalents = {.squawk = "require-concurrent-index-creation",
                              .eugene = "E6",
                              .strong_migrations = "add_index",
                              .pgfence = "create-index-not-concurrent"},
          },
      .check = check,
  };
  return rule;
}

}  // namespace zdlint
