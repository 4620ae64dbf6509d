// set-not-null: ALTER COLUMN ... SET NOT NULL on an existing table reads every row to prove there
// is no NULL, while holding AccessExclusiveLock. From PostgreSQL 12 on, a validated
// CHECK (col IS NOT NULL) proves it and the scan is skipped; a NOT VALID one proves nothing.
#include <fmt/format.h>

#include "parser/sql_text.h"
#include "rules/alter_table_parts.h"
#include "rules/messages.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

// "ALTER [COLUMN] col SET NOT NULL" for `column`, searched from token `from` on (so two subcommands
// on the same column find their own text). Falls back to the statement.
ByteRange set_not_null_range(const StatementContext& ctx, const std::string& column, size_t& from) {
  const auto tokens = tokens_without_comments(ctx.stmt);
  const auto text = ctx.migration.source->text();
  const auto is = [&](size_t i, int32_t kind) { return i < tokens.size() && tokens[i]->kind == kind; };
  for (size_t i = from; i < tokens.size(); ++i) {
    if (!is(i, PG_QUERY__TOKEN__ALTER)) continue;
    size_t k = i + 1;
    if (is(k, PG_QUERY__TOKEN__COLUMN)) ++k;
    if (k >= tokens.size() || identifier_name(text, *tokens[k]) != column) continue;
    if (is(k + 1, PG_QUERY__TOKEN__SET) && is(k + 2, PG_QUERY__TOKEN__NOT) && is(k + 3, PG_QUERY__TOKEN__NULL_P)) {
      from = k + 4;
      return {tokens[i]->begin, tokens[k + 3]->end};
    }
  }
  return ctx.stmt.range;
}

const Constraint* not_null_check(const Table* table, const std::string& column, bool validated) {
  if (!table) return nullptr;
  for (const auto& constraint : table->constraints)
    if (constraint.kind == ConstraintKind::Check && constraint.proves(column) &&
        constraint.validated == validated)
      return &constraint;
  return nullptr;
}

std::string help_for(int pg_version, const QualifiedName& qualified, const std::string& column_name) {
  const std::string table = qualified.str();
  const std::string column = quote_identifier(column_name);
  const std::string check = quote_identifier(qualified.name + "_" + column_name + "_not_null");
  if (pg_version < 12)
    return fmt::format(
        "before PostgreSQL 12 SET NOT NULL always scans; keep a validated CHECK instead: ALTER TABLE "
        "{0} ADD CONSTRAINT {2} CHECK ({1} IS NOT NULL) NOT VALID, then VALIDATE CONSTRAINT {2} in a "
        "separate transaction (ShareUpdateExclusiveLock), and SET NOT NULL after upgrading to 12+",
        table, column, check);
  std::string help = fmt::format(
      "ALTER TABLE {0} ADD CONSTRAINT {2} CHECK ({1} IS NOT NULL) NOT VALID; then, in a separate transaction, "
      "ALTER TABLE {0} VALIDATE CONSTRAINT {2} (ShareUpdateExclusiveLock: reads and writes continue); then SET NOT "
      "NULL, which uses the validated CHECK and skips the scan; then drop the CHECK",
      table, column, check);
  if (pg_version >= 18)
    help += fmt::format(
        "; on PostgreSQL 18 ALTER TABLE {0} ADD CONSTRAINT {2} NOT NULL {1} NOT VALID, then "
        "VALIDATE CONSTRAINT {2} in a separate transaction, does it in two steps",
        table, column, check);
  return help;
}

void check(const StatementContext& ctx, Emitter& out) {
  const auto& alter = alter_of_pre_existing_table(ctx);
  if (!alter) return;
  const QualifiedName& table = alter->table;
  const Table* known = ctx.catalog.find_table_facts(table);
  size_t search_from = 0;
  for (const PgQuery__AlterTableCmd& cmd : alter->subcommands) {
    if (cmd.subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull || !cmd.name) continue;
    const std::string column = cmd.name;
    const ByteRange range = set_not_null_range(ctx, column, search_from);
    // The same judgement as the lock model, per column: the table's effect merges every subcommand.
    if (const Column* c = known ? known->column(column) : nullptr; c && c->not_null) continue;
    const Constraint* validated = not_null_check(known, column, true);
    if (validated && ctx.settings.pg_version >= 12) continue;
    Diagnostic& d = out.emit(
        range,
        fmt::format("SET NOT NULL on {}.{} reads every row to prove there is no NULL while holding {}, for a time "
                    "that grows with the table",
                    table.str(), column, lock_phrase(alter->effect)),
        help_for(ctx.settings.pg_version, table, column));
    if (validated)
      d.notes.push_back(
          {fmt::format("the validated CHECK {} proves {} IS NOT NULL, but only PostgreSQL 12 and later use "
                       "it to skip the scan (this migration targets PostgreSQL {})",
                       validated->name, column, ctx.settings.pg_version),
           std::nullopt});
    else if (const Constraint* pending = not_null_check(known, column, false))
      d.notes.push_back({fmt::format("the CHECK {} on {} IS NOT NULL is NOT VALID, so it proves nothing: VALIDATE "
                                     "CONSTRAINT {} in an earlier, separate transaction first",
                                     pending->name, column, pending->name),
                         std::nullopt});
  }
}

}  // namespace

const Rule& set_not_null_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "set-not-null",
              .category = "lock",
              .severity = Severity::Error,
              .summary = "SET NOT NULL scans the whole table under AccessExclusiveLock unless a validated CHECK "
                         "proves the column non-null (PostgreSQL 12+)",
              .rationale = "ALTER COLUMN ... SET NOT NULL reads every row to check for NULLs while holding "
                           "AccessExclusiveLock, so reads and writes stop for a time proportional to the table's "
                           "size. From PostgreSQL 12 on, a validated CHECK (col IS NOT NULL) lets PostgreSQL skip the "
                           "scan; a NOT VALID one does not.",
              .alternative = "ADD CONSTRAINT ... CHECK (col IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT in a separate "
                             "transaction, then SET NOT NULL and drop the CHECK (PostgreSQL 18: ADD CONSTRAINT ... NOT "
                             "NULL ... NOT VALID, then VALIDATE).",
              .equivalents = {.squawk = "adding-not-nullable-field",
                              .eugene = "E2",
                              .strong_migrations = "change_column_null_postgresql",
                              .pgfence = "alter-column-set-not-null"},
          },
      .check = check,
  };
  return rule;
}

}  // namespace zdlint
