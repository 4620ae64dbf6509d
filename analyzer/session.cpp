#include "analyzer/session.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>

namespace zdlint {
namespace {

std::string lower(std::string_view text) {
  std::string result(text);
  std::transform(result.begin(), result.end(), result.begin(), [](unsigned char ch) { return std::tolower(ch); });
  return result;
}

// The value of SET name = value / TO value: a string or a number, as PostgreSQL would read it.
std::optional<std::string> constant_text(const PgQuery__Node* node) {
  if (!node) return std::nullopt;
  if (node->node_case == PG_QUERY__NODE__NODE_TYPE_CAST) return constant_text(node->type_cast->arg);
  if (node->node_case != PG_QUERY__NODE__NODE_A_CONST || node->a_const->isnull) return std::nullopt;
  const auto& constant = *node->a_const;
  switch (constant.val_case) {
    case PG_QUERY__A__CONST__VAL_SVAL: return std::string(constant.sval->sval);
    case PG_QUERY__A__CONST__VAL_IVAL: return std::to_string(constant.ival ? constant.ival->ival : 0);
    case PG_QUERY__A__CONST__VAL_FVAL: return std::string(constant.fval->fval);
    default: return std::nullopt;
  }
}

bool is_truthy(const PgQuery__Node* node) {
  if (node && node->node_case == PG_QUERY__NODE__NODE_A_CONST && node->a_const->val_case == PG_QUERY__A__CONST__VAL_BOOLVAL)
    return node->a_const->boolval && node->a_const->boolval->boolval;
  const auto text = constant_text(node);
  return text && (lower(*text) == "true" || lower(*text) == "t" || *text == "1" || lower(*text) == "on");
}

}  // namespace

bool is_dml(PgQuery__Node__NodeCase kind) {
  return kind == PG_QUERY__NODE__NODE_INSERT_STMT || kind == PG_QUERY__NODE__NODE_UPDATE_STMT ||
         kind == PG_QUERY__NODE__NODE_DELETE_STMT || kind == PG_QUERY__NODE__NODE_COPY_STMT;
}

std::optional<int64_t> parse_duration_ms(const std::string& value) {
  const std::string text = lower(value);
  size_t pos = 0;
  while (pos < text.size() && std::isspace(static_cast<unsigned char>(text[pos]))) ++pos;
  double number = 0;
  const auto [end, error] = std::from_chars(text.data() + pos, text.data() + text.size(), number);
  if (error != std::errc()) return std::nullopt;
  std::string unit(end, text.data() + text.size());
  unit.erase(std::remove_if(unit.begin(), unit.end(), [](unsigned char ch) { return std::isspace(ch); }), unit.end());
  double factor = 0;
  if (unit.empty() || unit == "ms") factor = 1;  // milliseconds are the unit of both settings
  else if (unit == "us") factor = 0.001;
  else if (unit == "s") factor = 1000;
  else if (unit == "min") factor = 60'000;
  else if (unit == "h") factor = 3'600'000;
  else if (unit == "d") factor = 86'400'000;
  else return std::nullopt;
  // Both timeouts are int milliseconds in PostgreSQL, which rejects anything longer (about 24.8
  // days) as outside the valid range; a longer one would not fit an integer here either.
  const double ms = number * factor;
  if (!(std::fabs(ms) <= std::numeric_limits<int32_t>::max())) return std::nullopt;  // also NaN
  return static_cast<int64_t>(ms);
}

bool Session::timezone_is_utc() const {
  if (!timezone_) return false;
  const std::string zone = lower(*timezone_);
  return zone == "utc" || zone == "etc/utc" || zone == "utc0" || zone == "zulu" || zone == "etc/zulu" ||
         zone == "gmt" || zone == "etc/gmt" || zone == "universal" || zone == "etc/universal" || zone == "z";
}

void Session::begin_file(bool wrapped_in_transaction, bool implicit) {
  const uint32_t next_transaction = transaction_id_;
  *this = Session{};
  transaction_id_ = next_transaction;
  if (wrapped_in_transaction) {
    begin({});
    wrapped_ = true;
    implicit_ = implicit;
  }
}

void Session::begin_implicit_transaction() {
  if (in_transaction_) return;
  begin({});
  wrapped_ = true;
  implicit_ = true;
}

void Session::begin(ByteRange at) {
  in_transaction_ = true;
  wrapped_ = false;
  transaction_start_ = at;
  ++transaction_id_;
  statements_in_transaction_ = 0;
  at_begin_ = {lock_timeout_, statement_timeout_, timezone_};
  has_local_ = false;
  clear_locks();
}

void Session::clear_locks() {
  held_.clear();
  held_index_.clear();
  first_access_exclusive_.reset();
  window_extended_ = false;
  write_locked_.clear();
  held_write_locked_.clear();
  write_locks_accumulated_ = false;
}

const HeldLock* Session::held_lock(const QualifiedName& relation) const {
  const auto it = held_index_.find(relation);
  return it == held_index_.end() ? nullptr : &held_[it->second];
}

LockMode Session::held_mode(const QualifiedName& relation) const {
  const HeldLock* held = held_lock(relation);
  return held ? held->effect.lock : LockMode::None;
}

void Session::hold(const Statement& stmt, const StatementEffects& effects) {
  const bool dml = is_dml(stmt.kind());
  bool extends = dml;
  for (const auto& effect : effects.effects)
    if (effect.lock > held_mode(effect.relation) || effect.rewrite || effect.scan) extends = true;
  if (first_access_exclusive_ && extends) window_extended_ = true;

  const bool had_write_locks = !write_locked_.empty();
  for (const auto& effect : effects.effects) {
    if (effect.lock == LockMode::None) continue;
    const auto [it, added] = held_index_.try_emplace(effect.relation, held_.size());
    if (added) {
      held_.push_back({effect, stmt.range, dml});
      held_write_locked_.push_back(false);
    } else if (effect.lock > held_[it->second].effect.lock) {
      held_[it->second] = {effect, stmt.range, dml};
    }
    // Judged by the lock now held: a relation this transaction created stays its own even when a
    // later statement sees an older one (a CREATE SEQUENCE of a name the history already had). A
    // relation already listed stays listed when a stronger lock of a CREATE of the same name
    // replaces its held lock, so readers of write_locked() must not assume that lock is still held
    // (lock-ordering-risk checks).
    const LockEffect& holding = held_[it->second].effect;
    const bool pre_existing_table = holding.pre_existing() && holding.kind != RelationKind::Index;
    if (pre_existing_table && blocked_by(holding.lock).writes && !held_write_locked_[it->second]) {
      held_write_locked_[it->second] = true;
      write_locked_.push_back(holding.relation);
      if (had_write_locks) write_locks_accumulated_ = true;
    }
    if (pre_existing_table && holding.lock == LockMode::AccessExclusive && !first_access_exclusive_)
      first_access_exclusive_ = stmt.range;
  }
}

void Session::end_transaction(bool commit) {
  if (!commit) {
    lock_timeout_ = at_begin_.lock_timeout;
    statement_timeout_ = at_begin_.statement_timeout;
    timezone_ = at_begin_.timezone;
  } else if (has_local_) {
    // SET LOCAL values end with the transaction; session-level SETs made in it stay.
    if (lock_timeout_ && lock_timeout_->local) lock_timeout_ = at_begin_.lock_timeout;
    if (statement_timeout_ && statement_timeout_->local) statement_timeout_ = at_begin_.statement_timeout;
  }
  in_transaction_ = false;
  wrapped_ = false;
  statements_in_transaction_ = 0;
  clear_locks();
}

void Session::set(const std::string& raw_name, std::optional<std::string> value, bool local, ByteRange at) {
  const std::string name = lower(raw_name);
  if (local && !in_transaction_) return;  // SET LOCAL outside a transaction has no effect
  const auto timeout = [&](std::optional<TimeoutSetting>& setting) {
    if (!value) {
      setting.reset();
      return;
    }
    const auto ms = parse_duration_ms(*value);
    if (!ms) return;
    setting = TimeoutSetting{*ms, at, local};
    if (local) has_local_ = true;
  };
  if (name == "lock_timeout") timeout(lock_timeout_);
  else if (name == "statement_timeout") timeout(statement_timeout_);
  else if (name == "timezone") timezone_ = value;
}

void Session::apply(const Statement& stmt, const StatementEffects& effects) {
  if (!stmt.node || stmt.origin == StatementOrigin::FunctionBody) return;
  const PgQuery__Node& node = *stmt.node;
  if (node.node_case == PG_QUERY__NODE__NODE_TRANSACTION_STMT) {
    switch (node.transaction_stmt->kind) {
      case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_BEGIN:
      case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_START:
        if (!in_transaction_) {
          begin(stmt.range);
        } else if (implicit()) {
          // BEGIN turns PostgreSQL's implicit block into a regular one; what ran before stays in it.
          wrapped_ = false;
          transaction_start_ = stmt.range;
        }  // else a nested BEGIN only warns, and changes nothing
        break;
      case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_COMMIT:
      case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_PREPARE:
      case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK:
        end_transaction(node.transaction_stmt->kind != PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK);
        // In a multi-statement string the statements after a COMMIT run in a new implicit block.
        if (implicit_) begin_implicit_transaction();
        break;
      default: break;  // savepoints keep the transaction and its locks
    }
    return;
  }
  if (node.node_case == PG_QUERY__NODE__NODE_VARIABLE_SET_STMT) {
    const auto& set_stmt = *node.variable_set_stmt;
    if (!set_stmt.name) {
      if (set_stmt.kind == PG_QUERY__VARIABLE_SET_KIND__VAR_RESET_ALL) {
        lock_timeout_.reset();
        statement_timeout_.reset();
        timezone_.reset();
      }
      return;
    }
    std::optional<std::string> value;
    if (set_stmt.kind == PG_QUERY__VARIABLE_SET_KIND__VAR_SET_VALUE && set_stmt.n_args > 0)
      value = constant_text(set_stmt.args[0]);
    else if (set_stmt.kind != PG_QUERY__VARIABLE_SET_KIND__VAR_SET_DEFAULT &&
             set_stmt.kind != PG_QUERY__VARIABLE_SET_KIND__VAR_RESET)
      return;
    set(set_stmt.name, value, set_stmt.is_local, stmt.range);
    return;
  }
  if (node.node_case == PG_QUERY__NODE__NODE_SELECT_STMT) {
    // SELECT set_config('lock_timeout', '5s', is_local)
    walk_nodes(&node, [&](const PgQuery__Node& inner) {
      if (inner.node_case != PG_QUERY__NODE__NODE_FUNC_CALL) return;
      const auto& call = *inner.func_call;
      if (call.n_funcname == 0 || string_value(call.funcname[call.n_funcname - 1]) != "set_config" || call.n_args != 3)
        return;
      const auto name = constant_text(call.args[0]);
      const auto value = constant_text(call.args[1]);
      if (name && value) set(*name, value, is_truthy(call.args[2]), stmt.range);
    });
  }
  if (in_transaction_) {
    ++statements_in_transaction_;
    hold(stmt, effects);
  }
}

}  // namespace zdlint
