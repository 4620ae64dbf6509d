#pragma once
// The report of `zdlint locks`: per statement, the relations it locks and what that does to live
// traffic. The JSON object is documented in docs/locks.md; fields are only ever added.
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "analyzer/lock_model.h"

namespace zdlint {

struct StatementLocks {
  std::string file;
  uint32_t line = 0;
  uint32_t column = 0;  // 1-based, in code points
  std::string sql;
  StatementEffects effects;
  bool in_transaction = false;
  std::optional<int64_t> lock_timeout_ms;       // nullopt: never set by the migration
  std::optional<int64_t> statement_timeout_ms;
};

void report_locks_text(std::ostream& out, const std::vector<StatementLocks>& statements, bool color);
void report_locks_json(std::ostream& out, const std::vector<StatementLocks>& statements);

}  // namespace zdlint
