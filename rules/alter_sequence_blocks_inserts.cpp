// alter-sequence-blocks-inserts: since PostgreSQL 10, ALTER SEQUENCE is transactional and opens the
// sequence in ShareRowExclusiveLock whatever it changes (sequence.c, AlterSequence), while nextval()
// needs RowExclusiveLock. Until the migration commits, every nextval() on the sequence waits, and
// with it every INSERT that takes its default from the sequence (measured for RESTART and
// INCREMENT BY on PostgreSQL 15). setval() takes only RowExclusiveLock and blocks nothing.
// ALTER TABLE … ALTER COLUMN … RESTART / SET INCREMENT BY on an identity column runs the same
// ALTER SEQUENCE, under AccessExclusiveLock on the table.
#include <fmt/format.h>

#include <algorithm>

#include "parser/sql_text.h"
#include "rules/alter_table_parts.h"
#include "rules/messages.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

constexpr int kTransactionalSince = 10;

std::vector<std::string> option_names(PgQuery__Node* const* options, size_t n_options) {
  std::vector<std::string> names;
  for (size_t i = 0; i < n_options; ++i)
    if (options[i]->node_case == PG_QUERY__NODE__NODE_DEF_ELEM && options[i]->def_elem->defname)
      names.emplace_back(options[i]->def_elem->defname);
  return names;
}

bool only_restart(const std::vector<std::string>& names) {
  return !names.empty() && std::all_of(names.begin(), names.end(),
                                       [](const std::string& n) { return n == "restart" || n == "generated"; });
}

// "ALTER [COLUMN] col RESTART …" / "ALTER [COLUMN] col SET …" for `column`, from token `from` on.
ByteRange alter_column_range(const StatementContext& ctx, const std::string& column, size_t& from) {
  const auto tokens = tokens_without_comments(ctx.stmt);
  const auto text = ctx.migration.source->text();
  for (size_t i = std::max<size_t>(from, 1); i < tokens.size(); ++i) {
    if (tokens[i]->kind != PG_QUERY__TOKEN__ALTER) continue;
    size_t k = i + 1;
    if (k < tokens.size() && tokens[k]->kind == PG_QUERY__TOKEN__COLUMN) ++k;
    if (k + 1 >= tokens.size() || identifier_name(text, *tokens[k]) != column) continue;
    if (tokens[k + 1]->kind != PG_QUERY__TOKEN__RESTART && tokens[k + 1]->kind != PG_QUERY__TOKEN__SET) continue;
    from = k + 1;
    return clause_range(ctx.stmt, tokens[i]->begin);
  }
  return ctx.stmt.range;
}

void alter_sequence(const StatementContext& ctx, Emitter& out) {
  const auto& alter = *ctx.stmt.node->alter_seq_stmt;
  if (!alter.sequence) return;
  const QualifiedName name = qualified_name(alter.sequence);
  const LockEffect* effect = ctx.effects.find(name);
  if (!effect || !effect->pre_existing() || effect->lock < LockMode::ShareRowExclusive) return;
  const Sequence* known = ctx.catalog.find_sequence(name);
  const std::string inserts =
      known && known->owned_by_table
          ? fmt::format("every INSERT into {} that leaves the column to its default", known->owned_by_table->str())
          : std::string("every INSERT whose default calls nextval() on it");
  const auto names = option_names(alter.options, alter.n_options);
  std::string help;
  if (only_restart(names))
    help = fmt::format(
        "to move the sequence, call SELECT setval('{}', <value>, false) instead (what RESTART WITH "
        "<value> does): it takes only RowExclusiveLock, so nextval() keeps working; note that a "
        "ROLLBACK does not undo setval()",
        name.str());
  else
    help =
        "run the ALTER SEQUENCE in its own short transaction, apart from slow statements, after SET lock_timeout "
        "so that it gives up instead of stalling INSERTs while it waits";
  out.emit(ctx.stmt.range,
           fmt::format("ALTER SEQUENCE takes {} on sequence {} until the transaction commits: every nextval() on it "
                       "waits, so {} blocks; the ALTER itself first waits for every open transaction that has called "
                       "nextval() on it",
                       lock_name(effect->lock), relation_label(*effect), inserts),
           std::move(help));
}

void alter_identity(const StatementContext& ctx, Emitter& out) {
  const auto& alter = alter_of_pre_existing_table(ctx);
  if (!alter) return;
  const QualifiedName& table = alter->table;
  size_t search_from = 0;
  for (const PgQuery__AlterTableCmd& cmd : alter->subcommands) {
    if (cmd.subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_SetIdentity || !cmd.name || !cmd.def ||
        cmd.def->node_case != PG_QUERY__NODE__NODE_LIST)
      continue;
    const auto names = option_names(cmd.def->list->items, cmd.def->list->n_items);
    const std::string column = cmd.name;
    const ByteRange range = alter_column_range(ctx, column, search_from);
    // SET GENERATED alone changes only the column, not its sequence.
    if (std::all_of(names.begin(), names.end(), [](const std::string& n) { return n == "generated"; })) continue;
    const QualifiedName guess{table.schema, table.name + "_" + column + "_seq"};
    const std::string sequence = ctx.catalog.find_sequence(guess) ? "sequence " + guess.str() : "its identity sequence";
    out.emit(range,
             fmt::format("changing identity column {} runs ALTER SEQUENCE on {}, and until the transaction commits "
                         "the statement holds ShareRowExclusiveLock on the sequence, so every INSERT that draws a "
                         "value from it waits, and {}",
                         column, sequence, lock_phrase(alter->effect)),
             only_restart(names)
                 ? fmt::format("to move the identity sequence, call SELECT setval(pg_get_serial_sequence('{}', '{}'), "
                               "<value>, false) instead: RowExclusiveLock on the sequence only, no lock on the table",
                               table.str(), column)
                 : std::string("run it in its own short transaction, apart from slow statements, after SET "
                               "lock_timeout so that it gives up instead of stalling traffic while it waits"));
  }
}

void check(const StatementContext& ctx, Emitter& out) {
  if (ctx.settings.pg_version < kTransactionalSince) return;     // ALTER SEQUENCE was not transactional
  if (ctx.stmt.origin == StatementOrigin::FunctionBody) return;  // the lock model has no effects for it
  if (ctx.stmt.kind() == PG_QUERY__NODE__NODE_ALTER_SEQ_STMT) alter_sequence(ctx, out);
  if (ctx.stmt.kind() == PG_QUERY__NODE__NODE_ALTER_TABLE_STMT) alter_identity(ctx, out);
}

}  // namespace

const Rule& alter_sequence_blocks_inserts_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "alter-sequence-blocks-inserts",
              .category = "lock",
              .severity = Severity::Warning,
              .summary = "ALTER SEQUENCE blocks nextval(), and every INSERT that uses the sequence, until commit",
              .rationale = "Since PostgreSQL 10 ALTER SEQUENCE is transactional: it holds ShareRowExclusiveLock on "
                           "the sequence until the transaction ends, and nextval() needs RowExclusiveLock, so every "
                           "INSERT that takes its default from the sequence waits. setval() is not affected.",
              .alternative = "setval() to move a sequence; otherwise ALTER SEQUENCE alone in a short transaction with "
                             "a lock_timeout.",
              .min_pg_version = kTransactionalSince,
          },
      .check = check,
  };
  return rule;
}

}  // namespace zdlint
