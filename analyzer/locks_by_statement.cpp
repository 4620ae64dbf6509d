#include "analyzer/locks_by_statement.h"

namespace zdlint {

void LocksByStatement::add_statement(const StatementEffects& effects) {
  begin_.push_back(static_cast<uint32_t>(locks_.size()));
  for (const auto& e : effects.effects)
    if (e.lock != LockMode::None)
      locks_.push_back({name_id(e.relation.str()), e.lock, e.rewrite, e.scan, !e.known && !e.created});
}

std::vector<LockedRelation> LocksByStatement::of(size_t statement) const {
  const size_t end = statement + 1 < begin_.size() ? begin_[statement + 1] : locks_.size();
  std::vector<LockedRelation> out;
  out.reserve(end - begin_[statement]);
  for (size_t i = begin_[statement]; i < end; ++i) {
    const Lock& lock = locks_[i];
    out.push_back({std::string(names_[lock.relation]), lock.mode, lock.rewrite, lock.scan, lock.pre_existing});
  }
  return out;
}

void LocksByStatement::clear() {
  locks_.clear();
  begin_.clear();
  ids_.clear();
  names_.clear();
}

uint32_t LocksByStatement::name_id(std::string name) {
  const auto [it, inserted] = ids_.try_emplace(std::move(name), static_cast<uint32_t>(names_.size()));
  if (inserted) names_.push_back(it->first);  // a node's key does not move while the map grows
  return it->second;
}

}  // namespace zdlint
