// validate-in-same-transaction: VALIDATE CONSTRAINT in the transaction that added the constraint
// NOT VALID (or that otherwise still holds a write-blocking lock on the table). Locks last until the
// transaction ends, so the validation scan runs under the ADD's ShareRowExclusiveLock or
// AccessExclusiveLock and NOT VALID bought nothing.
#include <fmt/format.h>

#include <algorithm>

#include "parser/sql_text.h"
#include "rules/alter_table_parts.h"
#include "rules/messages.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

// "VALIDATE CONSTRAINT name", searched from token `from` on.
ByteRange validate_range(const StatementContext& ctx, const std::string& name, size_t& from) {
  const auto tokens = tokens_without_comments(ctx.stmt);
  const auto text = ctx.migration.source->text();
  for (size_t i = from; i + 2 < tokens.size(); ++i) {
    if (tokens[i]->kind != PG_QUERY__TOKEN__VALIDATE || tokens[i + 1]->kind != PG_QUERY__TOKEN__CONSTRAINT) continue;
    const Token& ident = *tokens[i + 2];
    if (identifier_name(text, ident) != name) continue;
    from = i + 3;
    return {tokens[i]->begin, ident.end};
  }
  return ctx.stmt.range;
}

// The lock the open transaction holds on `relation` when it stops writes (ShareLock or stronger),
// taken by DDL of this transaction on a relation live traffic uses.
const HeldLock* write_blocking_ddl_lock(const Session& session, const QualifiedName& relation) {
  const HeldLock* held = session.held_lock(relation);
  if (!held || held->dml || !held->effect.pre_existing() || !held->effect.blocks().writes) return nullptr;
  return held;
}

void check(const StatementContext& ctx, Emitter& out) {
  if (!ctx.session.in_transaction()) return;
  const auto& alter = alter_of_pre_existing_table(ctx);
  if (!alter) return;
  const QualifiedName& table = alter->table;
  const Table* known = ctx.catalog.find_table(table);
  size_t search_from = 0;
  for (const PgQuery__AlterTableCmd& cmd : alter->subcommands) {
    if (cmd.subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint || !cmd.name) continue;
    const std::string name = cmd.name;
    const ByteRange range = validate_range(ctx, name, search_from);
    const Constraint* constraint = known ? known->constraint(name) : nullptr;
    if (constraint && constraint->validated) continue;  // already valid: VALIDATE does nothing
    const bool added_here = constraint && constraint->origin.file == ctx.migration.file &&
                            constraint->origin.transaction == ctx.session.transaction_id();
    std::vector<const HeldLock*> held;
    if (const HeldLock* on_table = write_blocking_ddl_lock(ctx.session, table)) held.push_back(on_table);
    if (constraint && constraint->kind == ConstraintKind::ForeignKey && constraint->references != table)
      if (const HeldLock* on_parent = write_blocking_ddl_lock(ctx.session, constraint->references))
        held.push_back(on_parent);
    if (held.empty() && !added_here) continue;

    std::string locks;
    for (const HeldLock* lock : held) locks += (locks.empty() ? "" : " and ") + lock_phrase(lock->effect);
    const auto line_of = [&](ByteRange at) { return ctx.migration.source->position(at.begin).line; };
    std::string message;
    if (added_here) {
      message = fmt::format(
          "VALIDATE CONSTRAINT {} runs in the same transaction as the ADD ... NOT VALID that created "
          "it, so the validation scan of {} runs while the transaction still holds {}: NOT VALID "
          "bought nothing",
          name, table.str(), locks.empty() ? "the lock the ADD took" : locks);
    } else {
      message = fmt::format(
          "VALIDATE CONSTRAINT {} scans {} while this transaction still holds {}, taken by the "
          "statement on line {}: the scan blocks that traffic for a time that grows with the table, "
          "which is what VALIDATE was meant to avoid",
          name, table.str(), locks, line_of(held.front()->statement));
    }
    const std::string help =
        ctx.session.wrapped()
            ? "the runner wraps the whole file in one transaction: move VALIDATE CONSTRAINT to a later migration file, "
              "so the ADD ... NOT VALID commits first and the validation only takes ShareUpdateExclusiveLock"
            : "COMMIT after the ADD ... NOT VALID and run VALIDATE CONSTRAINT in its own transaction (or a later "
              "migration), where it only takes ShareUpdateExclusiveLock and reads and writes continue";
    Diagnostic& d = out.emit(range, std::move(message), help);
    for (const HeldLock* lock : held)
      d.notes.push_back(
          {fmt::format("{} was taken here (line {})", lock_name(lock->effect.lock), line_of(lock->statement)),
           lock->statement});
  }
}

}  // namespace

const Rule& validate_in_same_transaction_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "validate-in-same-transaction",
              .category = "transaction",
              .severity = Severity::Error,
              .summary = "VALIDATE CONSTRAINT in the transaction that added the constraint NOT VALID scans under the "
                         "ADD's strong lock",
              .rationale = "NOT VALID splits a constraint into a brief ADD and a VALIDATE that scans under "
                           "ShareUpdateExclusiveLock. Locks last until the transaction ends, so a VALIDATE in the same "
                           "transaction as the ADD (an explicit BEGIN ... COMMIT, or a runner that wraps the file) "
                           "scans while the ADD's AccessExclusiveLock or ShareRowExclusiveLock is still held.",
              .alternative = "Commit the ADD ... NOT VALID first; VALIDATE CONSTRAINT in a separate transaction or a "
                             "later migration.",
              .equivalents = {.squawk = "constraint-missing-not-valid",
                              .eugene = "E4",
                              .strong_migrations = "validate_foreign_key, validate_check_constraint",
                              .pgfence = "not-valid-validate-same-tx"},
          },
      .check = check,
  };
  return rule;
}

}  // namespace zdlint
