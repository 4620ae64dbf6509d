#pragma once
// The state of the database session a migration file runs in, as the replay goes: whether a
// transaction is open, which locks it holds so far, and the settings that change what a statement
// does (lock_timeout, statement_timeout, TimeZone).
//
// Each file starts a fresh session: a lock_timeout set by an earlier migration does not protect a
// later one, because runners do not promise to reuse the connection.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analyzer/lock_model.h"
#include "parser/statement.h"

namespace zdlint {

// A duration setting; 0 means "disabled" (wait forever), as in PostgreSQL.
struct TimeoutSetting {
  int64_t milliseconds = 0;
  ByteRange set_at;    // the statement that set it
  bool local = false;  // SET LOCAL / set_config(…, true): ends with the transaction
};

// INSERT, UPDATE, DELETE or COPY: a statement that works on rows rather than on the schema.
bool is_dml(PgQuery__Node__NodeCase kind);

// The strongest lock the open transaction holds on one relation.
struct HeldLock {
  LockEffect effect;
  ByteRange statement;  // the first statement that took it in this mode
  bool dml = false;     // taken by INSERT/UPDATE/DELETE/COPY
};

class Session {
 public:
  // A new file: a fresh session, inside a transaction when the runner wraps each file in one.
  // `implicit`: the transaction is the implicit one PostgreSQL opens for a multi-statement string
  // (or pipeline), not a BEGIN the runner sent; it behaves the same.
  void begin_file(bool wrapped_in_transaction, bool implicit = false);
  // From here on the statements run in the implicit transaction of a pipeline (Supabase CLI: the
  // first statement of the batch runs before it).
  void begin_implicit_transaction();

  [[nodiscard]] bool in_transaction() const { return in_transaction_; }
  [[nodiscard]] bool explicit_transaction() const { return in_transaction_ && !wrapped_; }
  [[nodiscard]] bool wrapped() const { return wrapped_; }
  // The wrapping transaction is PostgreSQL's implicit one for a multi-statement string.
  [[nodiscard]] bool implicit() const { return wrapped_ && implicit_; }
  [[nodiscard]] ByteRange transaction_start() const { return transaction_start_; }
  // Numbered across the whole replay, so catalog objects can say which transaction made them.
  [[nodiscard]] uint32_t transaction_id() const { return transaction_id_; }
  // Statements executed so far in the open transaction (0 outside one).
  [[nodiscard]] uint32_t statements_in_transaction() const { return statements_in_transaction_; }

  // The settings in effect now; nullopt when the migration never set them (server default).
  [[nodiscard]] const std::optional<TimeoutSetting>& lock_timeout() const { return lock_timeout_; }
  [[nodiscard]] const std::optional<TimeoutSetting>& statement_timeout() const { return statement_timeout_; }
  [[nodiscard]] const std::optional<std::string>& timezone() const { return timezone_; }
  [[nodiscard]] bool timezone_is_utc() const;

  // Locks the open transaction holds, one per relation in the order they were first taken: taken
  // by earlier statements, released at COMMIT/ROLLBACK.
  [[nodiscard]] const std::vector<HeldLock>& held_locks() const { return held_; }
  // The lock the open transaction holds on a relation; null when it holds none.
  [[nodiscard]] const HeldLock* held_lock(const QualifiedName& relation) const;
  // The mode the open transaction already holds on a relation (None when it holds none).
  [[nodiscard]] LockMode held_mode(const QualifiedName& relation) const;
  // The first statement of the open transaction that took AccessExclusiveLock on a relation that
  // existed before the file.
  [[nodiscard]] const std::optional<ByteRange>& first_access_exclusive() const { return first_access_exclusive_; }
  // Since then, a statement needed a new lock, did work proportional to a table, or changed data.
  [[nodiscard]] bool access_exclusive_window_extended() const { return window_extended_; }
  // Relations that existed before the file which the open transaction holds in a mode that blocks
  // writes, in the order it locked them.
  [[nodiscard]] const std::vector<QualifiedName>& write_locked() const { return write_locked_; }
  // A statement added a write-blocking lock while an earlier statement held another one.
  [[nodiscard]] bool write_locks_accumulated() const { return write_locks_accumulated_; }

  // Applies a statement, after the rules have seen the state before it.
  void apply(const Statement& stmt, const StatementEffects& effects);

 private:
  struct Saved {
    std::optional<TimeoutSetting> lock_timeout, statement_timeout;
    std::optional<std::string> timezone;
  };
  void begin(ByteRange at);
  void end_transaction(bool commit);
  void set(const std::string& name, std::optional<std::string> value, bool local, ByteRange at);
  void hold(const Statement& stmt, const StatementEffects& effects);
  void clear_locks();

  bool in_transaction_ = false;
  bool wrapped_ = false;
  bool implicit_ = false;  // the file is one multi-statement string: every block it runs is implicit
  ByteRange transaction_start_;
  uint32_t transaction_id_ = 0;
  uint32_t statements_in_transaction_ = 0;
  std::optional<TimeoutSetting> lock_timeout_, statement_timeout_;
  std::optional<std::string> timezone_;
  Saved at_begin_;  // session-level values to restore on ROLLBACK and when SET LOCAL ends
  bool has_local_ = false;
  std::vector<HeldLock> held_;
  std::map<QualifiedName, size_t> held_index_;  // relation → its entry in held_
  std::optional<ByteRange> first_access_exclusive_;
  bool window_extended_ = false;
  std::vector<QualifiedName> write_locked_;
  // Per entry of held_: whether its relation is in write_locked_. A search of write_locked_ for
  // each lock taken made a transaction altering n tables cost n² name comparisons.
  std::vector<bool> held_write_locked_;
  bool write_locks_accumulated_ = false;
};

// "5s", "100ms", "1min", 5000 → milliseconds; nullopt when it is not a duration.
std::optional<int64_t> parse_duration_ms(const std::string& value);

}  // namespace zdlint
