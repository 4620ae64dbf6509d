// trigger-change: creating, enabling or disabling a trigger on an existing table takes
// ShareRowExclusiveLock (writes wait, reads continue); DROP TRIGGER and ALTER TRIGGER … RENAME take
// AccessExclusiveLock (reads wait too). Each is a quick catalog change, but the lock queues behind
// every open transaction on the table and traffic queues behind it. DISABLE TRIGGER ALL also turns
// off foreign-key enforcement.
#include <fmt/format.h>

#include "parser/sql_text.h"
#include "rules/alter_table_parts.h"
#include "rules/messages.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

constexpr std::string_view kQueueHelp =
    "SET lock_timeout to a short value (e.g. '2s') before it and retry on timeout, so the statement gives up instead "
    "of stalling traffic while it waits for the lock, and commit soon after it";

// The clause of the next ENABLE/DISABLE subcommand, searched from token `from` on.
ByteRange toggle_clause(const Statement& stmt, size_t& from) {
  const auto tokens = tokens_without_comments(stmt);
  for (size_t i = from; i < tokens.size(); ++i)
    if (tokens[i]->kind == PG_QUERY__TOKEN__ENABLE_P || tokens[i]->kind == PG_QUERY__TOKEN__DISABLE_P) {
      from = i + 1;
      return clause_range(stmt, tokens[i]->begin);
    }
  return stmt.range;
}

// lock_phrase(), naming the partitions that take the same lock when `with_partitions`.
std::string table_lock(const StatementContext& ctx, const LockEffect& effect, bool with_partitions) {
  const Table* known = ctx.catalog.find_table(effect.relation);
  if (!with_partitions || !known || known->kind != RelationKind::PartitionedTable || known->partitions.empty())
    return lock_phrase(effect);
  return fmt::format("{} on {} and on each of its {} partitions, blocking {}", lock_name(effect.lock),
                     relation_label(effect), known->partitions.size(), describe_blocked(effect.blocks()));
}

void create_trigger(const StatementContext& ctx, Emitter& out) {
  const auto& create = *ctx.stmt.node->create_trig_stmt;
  if (!create.relation) return;
  const QualifiedName table = qualified_name(create.relation);
  const LockEffect* effect = ctx.effects.find(table);
  if (!effect || !effect->pre_existing()) return;
  out.emit(ctx.stmt.range,
           fmt::format("CREATE {}TRIGGER {} holds, until the transaction ends, {}; while it waits for open "
                       "transactions that wrote to the table, new writes queue behind it",
                       create.replace ? "OR REPLACE " : "", create.trigname ? create.trigname : "?",
                       table_lock(ctx, *effect, create.row)),
           std::string(kQueueHelp));
}

void drop_trigger(const StatementContext& ctx, Emitter& out) {
  const auto& drop = *ctx.stmt.node->drop_stmt;
  if (drop.remove_type != PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER) return;
  for (size_t i = 0; i < drop.n_objects; ++i) {
    const auto* object = drop.objects[i];
    if (object->node_case != PG_QUERY__NODE__NODE_LIST || object->list->n_items < 2) continue;
    const QualifiedName table = qualified_name(object->list->items, object->list->n_items - 1);
    const auto trigger = string_value(object->list->items[object->list->n_items - 1]);
    const LockEffect* effect = ctx.effects.find(table);
    if (!effect || !effect->pre_existing()) continue;
    out.emit(ctx.stmt.range,
             fmt::format("DROP TRIGGER {} holds, until the transaction ends, {} (creating, enabling or disabling a "
                         "trigger needs only ShareRowExclusiveLock); while it waits for open transactions on the "
                         "table, every new query on it queues behind it",
                         trigger, lock_phrase(*effect)),
             fmt::format("{}; to stop the trigger's effect at once without any table lock, first make its function "
                         "do nothing with CREATE OR REPLACE FUNCTION, and drop the trigger later at a quiet time",
                         kQueueHelp));
  }
}

void rename_trigger(const StatementContext& ctx, Emitter& out) {
  const auto& rename = *ctx.stmt.node->rename_stmt;
  if (rename.rename_type != PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER || !rename.relation) return;
  const LockEffect* effect = ctx.effects.find(qualified_name(rename.relation));
  if (!effect || !effect->pre_existing()) return;
  out.emit(ctx.stmt.range,
           fmt::format("ALTER TRIGGER {} … RENAME holds, until the transaction ends, {}; while it waits for open "
                       "transactions on the table, every new query on it queues behind it",
                       rename.subname ? rename.subname : "?", lock_phrase(*effect)),
           std::string(kQueueHelp));
}

void toggle_triggers(const StatementContext& ctx, Emitter& out) {
  const auto& alter = *ctx.stmt.node->alter_table_stmt;
  if (!alter.relation) return;
  const QualifiedName table = qualified_name(alter.relation);
  const LockEffect* effect = ctx.effects.find(table);
  if (!effect || !effect->pre_existing()) return;
  size_t search_from = 0;
  for (const PgQuery__AlterTableCmd& cmd : alter_table_subcommands(alter)) {
    std::string action;
    switch (cmd.subtype) {
      case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrig:
        action = fmt::format("ENABLE TRIGGER {}", cmd.name ? cmd.name : "?");
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableAlwaysTrig:
        action = fmt::format("ENABLE ALWAYS TRIGGER {}", cmd.name ? cmd.name : "?");
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableReplicaTrig:
        action = fmt::format("ENABLE REPLICA TRIGGER {}", cmd.name ? cmd.name : "?");
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrig:
        action = fmt::format("DISABLE TRIGGER {}", cmd.name ? cmd.name : "?");
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrigAll:
        action = "ENABLE TRIGGER ALL";
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrigAll:
        action = "DISABLE TRIGGER ALL";
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrigUser:
        action = "ENABLE TRIGGER USER";
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrigUser:
        action = "DISABLE TRIGGER USER";
        break;
      default:
        continue;
    }
    const ByteRange range = toggle_clause(ctx.stmt, search_from);
    std::string message = fmt::format(
        "{} holds, until the transaction ends, {}; while it waits for open "
        "transactions that wrote to the table, new writes queue behind it",
        action, table_lock(ctx, *effect, true));
    std::string help(kQueueHelp);
    if (cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrigAll) {
      message += fmt::format(
          "; DISABLE TRIGGER ALL also disables the internal triggers that enforce the foreign keys "
          "of {} and those that reference it: rows written while they are off are never checked, "
          "and it needs superuser",
          table.str());
      help = fmt::format(
          "name the triggers to disable, or use DISABLE TRIGGER USER, which leaves foreign-key "
          "enforcement on; and {}",
          kQueueHelp);
    } else if (cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrigAll) {
      message += "; re-enabling the foreign-key triggers does not check the rows written while they were off";
    }
    out.emit(range, std::move(message), std::move(help));
  }
}

void check(const StatementContext& ctx, Emitter& out) {
  if (ctx.stmt.origin == StatementOrigin::FunctionBody) return;  // the lock model has no effects for it
  switch (ctx.stmt.kind()) {
    case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT:
      create_trigger(ctx, out);
      break;
    case PG_QUERY__NODE__NODE_DROP_STMT:
      drop_trigger(ctx, out);
      break;
    case PG_QUERY__NODE__NODE_RENAME_STMT:
      rename_trigger(ctx, out);
      break;
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
      toggle_triggers(ctx, out);
      break;
    default:
      break;
  }
}

}  // namespace

const Rule& trigger_change_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "trigger-change",
              .category = "lock",
              .severity = Severity::Warning,
              .summary = "Creating, dropping, enabling or disabling a trigger locks an existing table",
              .rationale = "CREATE TRIGGER and ENABLE/DISABLE TRIGGER take ShareRowExclusiveLock (writes wait); DROP "
                           "TRIGGER and ALTER TRIGGER … RENAME take AccessExclusiveLock (reads wait too). The change "
                           "is quick, but the lock queues behind open transactions and traffic queues behind it. "
                           "DISABLE TRIGGER ALL also stops foreign-key enforcement.",
              .alternative = "A short lock_timeout with retries; name the triggers to disable instead of ALL.",
              .equivalents = {.pgfence = "create-trigger, drop-trigger, enable-disable-trigger"},
          },
      .check = check,
  };
  return rule;
}

}  // namespace zdlint
