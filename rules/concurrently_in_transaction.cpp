// concurrently-in-transaction: a statement PostgreSQL refuses inside a transaction block (CREATE /
// DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY, DETACH PARTITION … CONCURRENTLY, VACUUM, …) run
// while a transaction is open, or from a DO block or function, fails when the migration runs.
#include <fmt/format.h>

#include "rules/registry.h"

namespace zdlint {
namespace {

bool is_discard_all(const Statement& stmt) {
  return stmt.kind() == PG_QUERY__NODE__NODE_DISCARD_STMT &&
         stmt.node->discard_stmt->target == PG_QUERY__DISCARD_MODE__DISCARD_ALL;
}

// The statement name PostgreSQL puts in its "cannot run inside a transaction block" error.
std::string refused_form(const Statement& stmt) {
  const PgQuery__Node& node = *stmt.node;
  switch (node.node_case) {
    case PG_QUERY__NODE__NODE_INDEX_STMT: return "CREATE INDEX CONCURRENTLY";
    case PG_QUERY__NODE__NODE_DROP_STMT: return "DROP INDEX CONCURRENTLY";
    case PG_QUERY__NODE__NODE_REINDEX_STMT:
      switch (node.reindex_stmt->kind) {
        case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_SCHEMA: return "REINDEX SCHEMA";
        case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_SYSTEM: return "REINDEX SYSTEM";
        case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_DATABASE: return "REINDEX DATABASE";
        default: return "REINDEX CONCURRENTLY";
      }
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT: return "ALTER TABLE ... DETACH CONCURRENTLY";
    case PG_QUERY__NODE__NODE_VACUUM_STMT: return "VACUUM";
    case PG_QUERY__NODE__NODE_CLUSTER_STMT: return "CLUSTER";
    case PG_QUERY__NODE__NODE_CREATEDB_STMT: return "CREATE DATABASE";
    case PG_QUERY__NODE__NODE_DROPDB_STMT: return "DROP DATABASE";
    case PG_QUERY__NODE__NODE_ALTER_SYSTEM_STMT: return "ALTER SYSTEM";
    case PG_QUERY__NODE__NODE_CREATE_TABLE_SPACE_STMT: return "CREATE TABLESPACE";
    case PG_QUERY__NODE__NODE_DROP_TABLE_SPACE_STMT: return "DROP TABLESPACE";
    case PG_QUERY__NODE__NODE_ALTER_ENUM_STMT: return "ALTER TYPE ... ADD";
    case PG_QUERY__NODE__NODE_DISCARD_STMT: return "DISCARD ALL";
    default: return "this statement";
  }
}

bool refuses_transaction(const StatementContext& ctx) {
  if (is_discard_all(ctx.stmt)) return true;
  if (ctx.stmt.origin != StatementOrigin::FunctionBody) return ctx.effects.refuses_transaction;
  // The lock model leaves function bodies alone (they run when the function is called), so ask it
  // about the statement as if it were executed now.
  Statement executed = ctx.stmt;
  executed.origin = StatementOrigin::DoBlock;
  return lock_model({executed, ctx.catalog, ctx.session, ctx.migration.file, ctx.settings.pg_version})
      .refuses_transaction;
}

void check(const StatementContext& ctx, Emitter& out) {
  if (!ctx.stmt.node || !refuses_transaction(ctx)) return;
  const std::string form = refused_form(ctx.stmt);

  if (ctx.stmt.origin != StatementOrigin::TopLevel) {
    const bool function = ctx.stmt.origin == StatementOrigin::FunctionBody;
    out.emit(ctx.stmt.range,
             fmt::format("{} cannot run from {}: the {} always runs inside a transaction, so PostgreSQL rejects "
                         "it (\"{} cannot be executed from a function\", or \"cannot run inside a transaction "
                         "block\" when a transaction is open)",
                         form, function ? "a function body" : "a DO block", function ? "function" : "DO block", form),
             "move the statement out of the block into a migration file of its own, run outside a transaction; "
             "checks such as IF NOT EXISTS belong in the statement itself or in the runner");
    return;
  }
  if (!ctx.session.in_transaction()) return;

  if (ctx.session.wrapped()) {
    const RunnerProfile* runner = ctx.migration.plan ? ctx.migration.plan->runner : nullptr;
    if (ctx.session.implicit() && runner) {
      out.emit(ctx.stmt.range,
               fmt::format("{} cannot run inside a transaction block, and {} sends this file to PostgreSQL as {}: "
                           "PostgreSQL rejects it with \"{} cannot run inside a transaction block\"",
                           form, runner->name,
                           runner->send == SendMode::Pipeline
                               ? "one pipeline, whose statements after the first run as one implicit transaction"
                               : "one multi-statement string, which runs as one implicit transaction",
                           form),
               fmt::format("make the statement the only one in its migration file (comments may stay){}",
                           runner->opt_out.empty() ? std::string()
                                                   : fmt::format(", with {}", runner->opt_out)));
      return;
    }
    const std::string who = runner ? fmt::format("{} runs this file inside one", runner->name)
                                   : std::string("the runner runs this file inside one (--assume-in-transaction)");
    out.emit(ctx.stmt.range,
             fmt::format("{} cannot run inside a transaction block, and {}: PostgreSQL rejects it with \"{} cannot "
                         "run inside a transaction block\" and the whole migration rolls back",
                         form, who, form),
             runner && !ctx.migration.plan->unread_opt_out.empty()
                 ? fmt::format("the file's opt-out is not read: {}; put the statement in a migration file of its "
                               "own, marked `{}` where {} reads it",
                               ctx.migration.plan->unread_opt_out, runner->opt_out, runner->name)
             : runner && !runner->opt_out.empty()
                 ? fmt::format("put the statement in a migration file of its own, marked `{}`", runner->opt_out)
                 : std::string("put the statement in a migration file of its own and turn off the runner's "
                               "transaction for that file (for example goose `-- +goose NO TRANSACTION`, dbmate "
                               "`-- migrate:up transaction:false`, Rails `disable_ddl_transaction!`)"));
    return;
  }
  const uint32_t begin_line = ctx.migration.source ? ctx.migration.source->line_of(ctx.session.transaction_start().begin) : 0;
  Diagnostic& d = out.emit(
      ctx.stmt.range,
      fmt::format("{} cannot run inside a transaction block, and the BEGIN on line {} opened one: PostgreSQL "
                  "rejects it with \"{} cannot run inside a transaction block\" and aborts the transaction",
                  form, begin_line, form),
      "move the statement after the COMMIT, or better into a migration file of its own that runs outside a "
      "transaction");
  d.notes.push_back({"the transaction starts here", ctx.session.transaction_start()});
}

}  // namespace

const Rule& concurrently_in_transaction_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "concurrently-in-transaction",
              .category = "transaction",
              .severity = Severity::Error,
              .summary = "A statement that cannot run inside a transaction block runs inside one",
              .rationale = "CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY, DETACH PARTITION … CONCURRENTLY, "
                           "VACUUM and a few others refuse a transaction block, a DO block and a function: "
                           "PostgreSQL raises \"cannot run inside a transaction block\" and the migration fails.",
              .alternative = "One such statement per migration file, with the runner's transaction turned off for "
                             "that file.",
              .equivalents = {.squawk = "ban-concurrent-index-creation-in-transaction"},
          },
      .check = check,
  };
  return rule;
}

}  // namespace zdlint
