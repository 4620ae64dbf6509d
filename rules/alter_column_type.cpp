// alter-column-type: ALTER COLUMN ... TYPE on an existing table. Binary-coercible changes
// (varchar widening, to text or unbounded varchar, numeric precision increase with the same scale,
// timestamp to timestamptz under a UTC session on PostgreSQL 12+) only touch the catalog; every
// other change rewrites the table and rebuilds every index under AccessExclusiveLock. When the
// history never gave the column its type, a rewrite is assumed and said so.
#include <fmt/format.h>

#include "analyzer/column_type_change.h"
#include "parser/sql_text.h"
#include "rules/alter_table_parts.h"
#include "rules/messages.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

// The subcommand from its ALTER keyword: the parse tree locates the column name only.
ByteRange action_range(const Statement& stmt, uint32_t column_offset) {
  const auto tokens = tokens_without_comments(stmt);
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i]->end <= column_offset) continue;
    size_t start = i;
    if (start > 0 && tokens[start - 1]->kind == PG_QUERY__TOKEN__COLUMN) --start;
    if (start > 0 && tokens[start - 1]->kind == PG_QUERY__TOKEN__ALTER) --start;
    return clause_range(stmt, tokens[start]->begin);
  }
  return stmt.range;
}

// "and rebuilds its indexes a, b": the lock model's list when it predicted the rewrite, else the
// history's indexes of the table.
std::string rebuilt_indexes(const StatementContext& ctx, const LockEffect& table) {
  if (!table.known) return " and rebuilds every index on it";
  std::vector<std::string> names;
  if (table.rewrite) {
    for (const auto& effect : ctx.effects.effects)
      if (effect.kind == RelationKind::Index && effect.index_rebuilt) names.push_back(effect.relation.str());
  } else {
    for (const Index* index : ctx.catalog.indexes_of(table.relation)) names.push_back(index->name.str());
  }
  if (names.empty()) return " (it has no index to rebuild)";
  return rebuilds_indexes_phrase(names);
}

// Tables whose foreign keys point at the changed table: re-checked under AccessExclusiveLock. Each
// has a note of its own up to kMaxNamedInMessage; past that, one note counts the rest, so that a
// table referenced by thousands does not make each finding on it thousands of lines long.
void add_referencing_notes(const StatementContext& ctx, const QualifiedName& table, Diagnostic& d) {
  size_t referencing = 0;
  for (const auto& effect : ctx.effects.effects) {
    if (effect.relation == table || effect.kind == RelationKind::Index || !effect.scan || effect.note.empty()) continue;
    if (++referencing <= kMaxNamedInMessage)
      d.notes.push_back({fmt::format("{}: {}", lock_phrase(effect), effect.note), std::nullopt});
  }
  if (referencing > kMaxNamedInMessage) {
    const size_t more = referencing - kMaxNamedInMessage;
    d.notes.push_back({fmt::format("and {} more table{} whose foreign keys point at {}, each locked and re-checked the "
                                   "same way (zdlint locks lists them all)",
                                   more, more == 1 ? "" : "s", table.str()),
                       std::nullopt});
  }
}

constexpr std::string_view kExpandContract =
    "use expand/contract: add a new column of the new type, keep both in sync with a trigger, backfill it in "
    "batches, switch the application to it, then drop the old column";

void check(const StatementContext& ctx, Emitter& out) {
  const auto& alter = alter_of_pre_existing_table(ctx);
  if (!alter) return;
  const QualifiedName& table = alter->table;
  const Table* known = ctx.catalog.find_table(table);
  for (const PgQuery__AlterTableCmd& cmd : alter->subcommands) {
    if (cmd.subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType || !cmd.name || !cmd.def ||
        cmd.def->node_case != PG_QUERY__NODE__NODE_COLUMN_DEF)
      continue;
    const auto& def = *cmd.def->column_def;
    const std::string column = cmd.name;
    const SqlType to = sql_type(def.type_name);
    const bool has_using = def.raw_default != nullptr;
    const ByteRange range = action_range(ctx.stmt, ctx.stmt.file_offset(def.location));
    const Column* old = known ? known->column(column) : nullptr;

    if (!old || old->type->name.empty()) {
      const std::string why =
          !known ? fmt::format("{} was not created by these migrations", table.str())
                 : fmt::format("the migrations never gave {}.{} a type zdlint could read", table.str(), column);
      Diagnostic& d = out.emit(
          range,
          fmt::format("the old type of column \"{}\" is unknown ({}), so a rewrite is assumed: changing it to {} "
                      "rewrites the whole table {}{} while holding {} until every row is converted",
                      column, why, to.str(), table.str(), rebuilt_indexes(ctx, alter->effect),
                      lock_phrase(alter->effect)),
          std::string(kExpandContract) +
              "; if the change is binary-coercible (varchar(n) to a larger n, to varchar or text, numeric(p,s) to a "
              "larger p with the same scale) no rewrite happens and this can be ignored");
      d.severity = Severity::Warning;
      continue;
    }

    const ColumnTypeChange verdict = column_type_change(ctx.catalog, *old->type, to, has_using);
    TypeChange change = verdict.change;
    // Arrays: a new element typmod or element type goes through an array coercion that rewrites
    // every value (varchar(10)[] to varchar(20)[] or text[] rewrote on PostgreSQL 15).
    if (old->type->array && to.array && *old->type != to) change = TypeChange::Rewrite;
    std::optional<std::string> note;
    if (change == TypeChange::CoercibleIfUtc) {
      if (ctx.settings.pg_version >= 12 && ctx.session.timezone_is_utc()) continue;
      note = ctx.settings.pg_version < 12
                 ? fmt::format(
                       "before PostgreSQL 12 timestamp to timestamptz always rewrites the table (this "
                       "migration targets PostgreSQL {})",
                       ctx.settings.pg_version)
                 : std::string(
                       "timestamp to timestamptz is catalog-only on PostgreSQL 12+ only when the session's "
                       "TimeZone is UTC: put SET TimeZone = 'UTC' (or SET LOCAL inside the transaction) "
                       "before this statement in the same migration");
      change = TypeChange::Rewrite;
    }
    if (change != TypeChange::Rewrite) continue;
    Diagnostic& d = out.emit(
        range,
        fmt::format("changing column \"{}\" of {} from {} to {}{} rewrites the whole table{} while holding {} until "
                    "every row is converted, for a time that grows with the table",
                    column, table.str(), old->type->str(), to.str(),
                    has_using ? " with a USING expression evaluated for every row" : "",
                    rebuilt_indexes(ctx, alter->effect), lock_phrase(alter->effect)),
        std::string(kExpandContract));
    if (note) d.notes.push_back({*note, std::nullopt});
    if (verdict.checked_by)
      d.notes.push_back({fmt::format("{} is a domain with constraints: PostgreSQL converts every row to check them, "
                                     "even where the stored type stays the same",
                                     verdict.checked_by->name.str()),
                         std::nullopt});
    add_referencing_notes(ctx, table, d);
  }
}

}  // namespace

const Rule& alter_column_type_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "alter-column-type",
              .category = "rewrite",
              .severity = Severity::Error,
              .summary = "ALTER COLUMN TYPE that is not binary-coercible rewrites the table and its indexes under "
                         "AccessExclusiveLock",
              .rationale = "Unless the old type is binary-coercible to the new one, PostgreSQL converts every row "
                           "into a new copy of the table and rebuilds every index on it while holding "
                           "AccessExclusiveLock: reads and writes stop for a time proportional to the table's size. "
                           "zdlint reads the old type from the migration history; when it is unknown, a rewrite is "
                           "assumed and reported as a warning.",
              .alternative = "Expand/contract: a new column of the new type, a sync trigger, a batched backfill, a "
                             "switch in the application, then drop the old column.",
              .equivalents = {.squawk = "changing-column-type",
                              .eugene = "E5",
                              .strong_migrations = "change_column",
                              .pgfence = "alter-column-type"},
          },
      .check = check,
  };
  return rule;
}

}  // namespace zdlint
