// transaction-nesting: BEGIN inside an open transaction (an explicit one, or the transaction the
// runner wraps the file in), COMMIT/ROLLBACK that end the runner's transaction, and transaction
// control with no transaction open. PostgreSQL has no nested transactions: a second BEGIN only
// warns, and the COMMIT meant for it ends the outer transaction.
#include <fmt/format.h>

#include "rules/registry.h"

namespace zdlint {
namespace {

constexpr const char* kWrapperHelp =
    "let the runner's transaction cover the file and remove BEGIN/COMMIT/ROLLBACK from it, or turn off the "
    "runner's transaction for this file (for example goose `-- +goose NO TRANSACTION`, dbmate "
    "`-- migrate:up transaction:false`)";

uint32_t line_of(const StatementContext& ctx, ByteRange range) {
  return ctx.migration.source ? ctx.migration.source->line_of(range.begin) : 0;
}

// Who opened the transaction around the file, for messages.
std::string wrapper(const StatementContext& ctx) {
  if (ctx.migration.plan && ctx.migration.plan->runner && !ctx.settings.assume_in_transaction_explicit)
    return fmt::format("the runner ({})", ctx.migration.plan->runner->name);
  return "the runner (--assume-in-transaction)";
}

void check(const StatementContext& ctx, Emitter& out) {
  if (ctx.stmt.kind() != PG_QUERY__NODE__NODE_TRANSACTION_STMT || ctx.stmt.origin != StatementOrigin::TopLevel) return;
  const auto& stmt = *ctx.stmt.node->transaction_stmt;
  const Session& session = ctx.session;
  switch (stmt.kind) {
    case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_BEGIN:
    case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_START: {
      // In a multi-statement string BEGIN just makes PostgreSQL's implicit block an explicit one.
      if (!session.in_transaction() || session.implicit()) return;
      if (session.wrapped()) {
        out.emit(ctx.stmt.range,
                 fmt::format("BEGIN in a file {} already runs inside a transaction: PostgreSQL only warns (\"there "
                             "is already a transaction in progress\") and ignores it, and the file's COMMIT then "
                             "commits the runner's transaction early, so what follows runs outside it",
                             wrapper(ctx)),
                 kWrapperHelp);
        return;
      }
      Diagnostic& d = out.emit(
          ctx.stmt.range,
          fmt::format("BEGIN while the transaction opened on line {} is still open: PostgreSQL has no nested "
                      "transactions, it only warns (\"there is already a transaction in progress\") and ignores "
                      "this BEGIN, so the next COMMIT ends the outer transaction",
                      line_of(ctx, session.transaction_start())),
          "remove this BEGIN, or COMMIT the first transaction before it; use SAVEPOINT for a partial rollback "
          "point");
      d.notes.push_back({"the open transaction starts here", session.transaction_start()});
      return;
    }
    case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_COMMIT:
    case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK: {
      const bool commit = stmt.kind == PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_COMMIT;
      const char* word = commit ? "COMMIT" : "ROLLBACK";
      if (session.implicit()) return;  // the next statements run in a new implicit block
      if (session.wrapped()) {
        out.emit(ctx.stmt.range,
                 fmt::format("{} ends the transaction {} opened for this file: {}, "
                             "the statements after it run one by one in autocommit, and the runner's own COMMIT "
                             "finds no transaction (\"there is no transaction in progress\"){}",
                             word, wrapper(ctx), commit ? "what came before commits early" : "everything the file did so far is undone",
                             commit ? "" : "; the runner may still record the migration as applied"),
                 kWrapperHelp);
        return;
      }
      if (session.in_transaction()) return;
      out.emit(ctx.stmt.range,
               fmt::format("{} with no open transaction: PostgreSQL only warns (\"there is no transaction in "
                           "progress\"). The statements before it already committed one by one{}",
                           word, commit ? "" : ", so this ROLLBACK undoes nothing"),
               fmt::format("remove the {}, or start the transaction with BEGIN where it should begin", word));
      return;
    }
    case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_SAVEPOINT:
    case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_RELEASE:
    case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK_TO: {
      if (session.in_transaction()) return;
      const char* form = stmt.kind == PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_SAVEPOINT ? "SAVEPOINT"
                         : stmt.kind == PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_RELEASE
                             ? "RELEASE SAVEPOINT"
                             : "ROLLBACK TO SAVEPOINT";
      Diagnostic& d = out.emit(ctx.stmt.range,
                               fmt::format("{} with no open transaction fails: \"{} can only be used in transaction "
                                           "blocks\"",
                                           form, form),
                               "open the transaction with BEGIN before the savepoint");
      d.severity = Severity::Error;
      return;
    }
    default: return;
  }
}

}  // namespace

const Rule& transaction_nesting_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "transaction-nesting",
              .category = "transaction",
              .severity = Severity::Warning,
              .summary = "BEGIN inside an open transaction, or COMMIT/ROLLBACK that does not match one",
              .rationale = "PostgreSQL has no nested transactions: a BEGIN inside a transaction (including the one "
                           "the runner wraps the file in) is ignored with a warning, and the COMMIT meant for it "
                           "ends the outer transaction early. COMMIT or ROLLBACK with no transaction does nothing.",
              .alternative = "One transaction per file: either the runner's or the file's own BEGIN/COMMIT, not "
                             "both.",
              .equivalents = {.squawk = "transaction-nesting"},
          },
      .check = check,
  };
  return rule;
}

}  // namespace zdlint
