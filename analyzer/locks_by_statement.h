#pragma once
// What each top-level statement of a file locks, kept for the findings that will be reported about
// it (Diagnostic::locks). A file's findings are described only at its end, so every statement's
// locks are kept until then: compactly, with each relation's name stored once per file, because a
// file of 500,000 statements would otherwise hold a vector and a string per statement and lock.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyzer/diagnostic.h"
#include "analyzer/lock_model.h"

namespace zdlint {

class LocksByStatement {
 public:
  // Statements are added in order: the n-th call records statement n's locks.
  void add_statement(const StatementEffects& effects);
  [[nodiscard]] std::vector<LockedRelation> of(size_t statement) const;
  void clear();

 private:
  struct Lock {
    uint32_t relation;  // into names_
    LockMode mode;
    bool rewrite, scan, pre_existing;
  };
  uint32_t name_id(std::string name);

  std::vector<Lock> locks_;
  std::vector<uint32_t> begin_;  // statement i's locks are locks_[begin_[i], begin_[i + 1])
  std::unordered_map<std::string, uint32_t> ids_;
  std::vector<std::string_view> names_;  // the keys of ids_, by id
};

}  // namespace zdlint
