// concurrently-mixed-with-other-statements: a file holding a statement that refuses a transaction
// block (CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY, DETACH … CONCURRENTLY, VACUUM, …)
// together with other statements. A runner that sends the file as one query runs it all in one
// implicit transaction, where that statement fails; a runner that sends statements one by one
// leaves the file half applied when any of them fails, and the retry trips over what was applied.
#include <fmt/format.h>

#include <array>

#include "rules/registry.h"

namespace zdlint {
namespace {

std::string_view form(PgQuery__Node__NodeCase kind) {
  switch (kind) {
    case PG_QUERY__NODE__NODE_INDEX_STMT: return "CREATE INDEX CONCURRENTLY";
    case PG_QUERY__NODE__NODE_DROP_STMT: return "DROP INDEX CONCURRENTLY";
    case PG_QUERY__NODE__NODE_REINDEX_STMT: return "REINDEX";
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT: return "DETACH PARTITION … CONCURRENTLY";
    case PG_QUERY__NODE__NODE_VACUUM_STMT: return "VACUUM";
    case PG_QUERY__NODE__NODE_CLUSTER_STMT: return "CLUSTER";
    case PG_QUERY__NODE__NODE_ALTER_ENUM_STMT: return "ALTER TYPE … ADD VALUE";
    default: return "a statement that cannot run inside a transaction block";
  }
}

// SET and RESET only change the session: a half-applied file re-runs them harmlessly, and they
// usually belong with the statement (SET lock_timeout, SET statement_timeout = 0 for a long build).
bool counts(const StatementSummary& statement) {
  return statement.kind != PG_QUERY__NODE__NODE_VARIABLE_SET_STMT &&
         statement.kind != PG_QUERY__NODE__NODE_VARIABLE_SHOW_STMT;
}

void check_file(const FileContext& ctx, Emitter& out) {
  // Counted once for the file: a file of many CONCURRENTLY statements stays linear.
  size_t counted = 0;
  std::array<const StatementSummary*, 2> first_two{};
  for (const auto& statement : ctx.statements)
    if (counts(statement) && counted++ < first_two.size()) first_two[counted - 1] = &statement;
  for (const auto& statement : ctx.statements) {
    // Inside a transaction it fails outright: concurrently-in-transaction reports that.
    if (!statement.refuses_transaction || statement.in_transaction) continue;
    const size_t others = counted - (counts(statement) ? 1 : 0);
    if (others == 0) continue;
    const StatementSummary* first_other = first_two[0] == &statement ? first_two[1] : first_two[0];
    Diagnostic& d = out.emit(
        statement.range,
        fmt::format("{} shares its migration file with {} other statement{}. A runner that sends the file as one "
                    "query runs all of them in one implicit transaction, where {} fails (\"cannot run inside a "
                    "transaction block\"); a runner that sends them one by one applies the file only partly when "
                    "one fails, and the retry then fails on what was already applied",
                    form(statement.kind), others, others == 1 ? "" : "s", form(statement.kind)),
        "give each such statement a migration file of its own, with the runner's transaction turned off for that "
        "file; if the runner sends a file as one query, set lock_timeout / statement_timeout in its connection "
        "options rather than with SET in the file");
    if (first_other) d.notes.push_back({"another statement of the same file", first_other->range});
  }
}

}  // namespace

const Rule& concurrently_mixed_with_other_statements_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "concurrently-mixed-with-other-statements",
              .category = "transaction",
              .severity = Severity::Warning,
              .summary = "A CONCURRENTLY statement shares its migration file with other statements",
              .rationale = "Sent as one query, a multi-statement file is one implicit transaction and the "
                           "CONCURRENTLY statement fails; sent statement by statement, a failure leaves the file "
                           "half applied and not re-runnable.",
              .alternative = "One CONCURRENTLY (or other non-transactional) statement per migration file.",
          },
      .check_file = check_file,
  };
  return rule;
}

}  // namespace zdlint
