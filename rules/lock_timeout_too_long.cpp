// lock-timeout-too-long: SET lock_timeout (SET LOCAL, set_config) to 0, which disables it, or to
// more than max_lock_timeout (.zdlint.toml; 10 seconds by default). While a DDL statement waits for its lock, every query that conflicts with
// it queues behind it: the timeout is how long the migration may stall traffic before giving up.
#include <fmt/format.h>

#include "parser/sql_text.h"
#include "rules/messages.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

struct Value {
  std::string text;
  int32_t location = -1;
};

// A constant as PostgreSQL reads a SET value: '5s', 5000, 1.5.
std::optional<Value> constant(const PgQuery__Node* node) {
  if (node && node->node_case == PG_QUERY__NODE__NODE_TYPE_CAST) return constant(node->type_cast->arg);
  if (!node || node->node_case != PG_QUERY__NODE__NODE_A_CONST || node->a_const->isnull) return std::nullopt;
  const auto& c = *node->a_const;
  switch (c.val_case) {
    case PG_QUERY__A__CONST__VAL_SVAL: return Value{c.sval->sval, c.location};
    case PG_QUERY__A__CONST__VAL_IVAL: return Value{std::to_string(c.ival ? c.ival->ival : 0), c.location};
    case PG_QUERY__A__CONST__VAL_FVAL: return Value{c.fval->fval, c.location};
    default: return std::nullopt;
  }
}

void report(const StatementContext& ctx, Emitter& out, const Value& value, bool local) {
  const auto ms = parse_duration_ms(value.text);
  const int64_t limit = ctx.settings.max_lock_timeout_ms;
  if (!ms || (*ms > 0 && *ms <= limit)) return;
  const ByteRange range = token_range_at(ctx.stmt.tokens, ctx.stmt.file_offset(value.location), ctx.stmt.range);
  const std::string what =
      *ms == 0 ? std::string("lock_timeout = 0 disables the lock timeout: a statement waiting for its lock waits "
                             "forever")
               : fmt::format("lock_timeout = {} lets a statement wait {} for its lock", format_duration(*ms),
                             format_duration(*ms));
  out.emit(range,
           fmt::format("{}, and every query that conflicts with the lock it waits for (for an AccessExclusiveLock: "
                       "every read and write of the table) queues behind it for that long. The limit is {} "
                       "(max_lock_timeout)",
                       what, format_duration(limit)),
           fmt::format("SET {}lock_timeout = '2s' (a few seconds at most) and retry the migration when it times out",
                       local ? "LOCAL " : ""));
}

void check(const StatementContext& ctx, Emitter& out) {
  if (!ctx.stmt.node || ctx.stmt.origin == StatementOrigin::FunctionBody) return;
  if (ctx.stmt.kind() == PG_QUERY__NODE__NODE_VARIABLE_SET_STMT) {
    const auto& set = *ctx.stmt.node->variable_set_stmt;
    if (!set.name || std::string_view(set.name) != "lock_timeout") return;
    if (set.kind != PG_QUERY__VARIABLE_SET_KIND__VAR_SET_VALUE || set.n_args == 0) return;
    if (const auto value = constant(set.args[0])) report(ctx, out, *value, set.is_local);
    return;
  }
  if (ctx.stmt.kind() != PG_QUERY__NODE__NODE_SELECT_STMT) return;
  // SELECT set_config('lock_timeout', '0', false)
  walk_nodes(ctx.stmt.node, [&](const PgQuery__Node& node) {
    if (node.node_case != PG_QUERY__NODE__NODE_FUNC_CALL) return;
    const auto& call = *node.func_call;
    if (call.n_funcname == 0 || string_value(call.funcname[call.n_funcname - 1]) != "set_config" || call.n_args != 3)
      return;
    const auto name = constant(call.args[0]);
    if (!name || name->text != "lock_timeout") return;
    const auto value = constant(call.args[1]);
    if (!value) return;
    const auto local = constant(call.args[2]);
    const bool is_local = call.args[2]->node_case == PG_QUERY__NODE__NODE_A_CONST &&
                          call.args[2]->a_const->val_case == PG_QUERY__A__CONST__VAL_BOOLVAL &&
                          call.args[2]->a_const->boolval && call.args[2]->a_const->boolval->boolval;
    report(ctx, out, *value, is_local || (local && (local->text == "true" || local->text == "t")));
  });
}

}  // namespace

const Rule& lock_timeout_too_long_rule() {
  static const Rule rule{
      .meta =
          {
              .id = "lock-timeout-too-long",
              .category = "lock",
              .severity = Severity::Warning,
              .summary = "lock_timeout is set to 0 (disabled) or above max_lock_timeout (10 seconds by default)",
              .rationale = "While a statement waits for its lock, every query that conflicts with that lock queues "
                           "behind it. lock_timeout bounds that stall; 0 disables the bound, and a long one lets "
                           "the migration stall traffic for that long before giving up.",
              .alternative = "SET lock_timeout = '2s' (a few seconds at most) and retry the migration when it times "
                             "out.",
              .equivalents = {.pgfence = "lock-timeout-too-long, lock-timeout-zero"},
          },
      .check = check,
  };
  return rule;
}

}  // namespace zdlint
