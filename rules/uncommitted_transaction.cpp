// uncommitted-transaction: an explicit BEGIN with no COMMIT or ROLLBACK by the end of the file.
// When the runner closes the session, PostgreSQL rolls the open transaction back: everything after
// the BEGIN is silently undone, while the runner may record the migration as applied.
#include <fmt/format.h>

#include "rules/registry.h"

namespace zdlint {
namespace {

void check_file(const FileContext& ctx, Emitter& out) {
  // A runner that wraps the file commits whatever transaction is open at its end.
  if (!ctx.session.explicit_transaction() || ctx.settings.assume_in_transaction) return;
  const uint32_t statements = ctx.session.statements_in_transaction();
  out.emit(ctx.session.transaction_start(),
           fmt::format("this BEGIN is never committed: the file ends with the transaction still open ({} statement{} "
                       "after it). When the runner closes the session PostgreSQL rolls it back, so those changes are "
                       "silently lost, and locks they took stay held until then",
                       statements, statements == 1 ? "" : "s"),
           "end the transaction with COMMIT at the end of the file");
}

}  // namespace

const Rule& uncommitted_transaction_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "uncommitted-transaction",
              .category = "transaction",
              .severity = Severity::Error,
              .summary = "BEGIN without a matching COMMIT or ROLLBACK by the end of the file",
              .rationale = "A transaction left open at the end of a migration is rolled back when the session "
                           "ends: its changes are lost although the migration looks applied, and its locks are held "
                           "until the session closes.",
              .alternative = "COMMIT at the end of the file.",
              .equivalents = {.squawk = "ban-uncommitted-transaction", .pgfence = "unclosed-transaction"},
          },
      .check_file = check_file,
  };
  return rule;
}

}  // namespace zdlint
