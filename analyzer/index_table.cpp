#include "analyzer/catalog.h"

#include <algorithm>

namespace zdlint {

const Index* IndexTable::find(const QualifiedName& name) const {
  const auto it = by_name_.find(name);
  return it == by_name_.end() ? nullptr : &it->second;
}

std::vector<const Index*> IndexTable::of_table(const QualifiedName& table) const {
  std::vector<const Index*> out;
  if (const auto it = by_table_.find(table); it != by_table_.end())
    for (const auto& name : it->second) out.push_back(&by_name_.at(name));
  return out;
}

std::vector<const Index*> IndexTable::all() const {
  std::vector<const Index*> out;
  out.reserve(by_name_.size());
  for (const auto& [name, index] : by_name_) out.push_back(&index);
  std::sort(out.begin(), out.end(), ByName{});
  return out;
}

Index& IndexTable::put(Index index) {
  erase(index.name);
  by_table_[index.table].insert(index.name);
  const QualifiedName name = index.name;
  return by_name_.insert_or_assign(name, std::move(index)).first->second;
}

void IndexTable::copy_of_table(const IndexTable& from, const QualifiedName& table) {
  const auto names = from.by_table_.find(table);
  if (names == from.by_table_.end() || names->second.empty()) return;
  std::set<QualifiedName>& mine = by_table_[table];
  for (const QualifiedName& name : names->second)
    if (by_name_.try_emplace(name, from.by_name_.at(name)).second) mine.insert(name);
}

void IndexTable::erase(const QualifiedName& name) {
  const auto it = by_name_.find(name);
  if (it == by_name_.end()) return;
  if (const auto table = by_table_.find(it->second.table); table != by_table_.end()) {
    table->second.erase(name);
    if (table->second.empty()) by_table_.erase(table);
  }
  by_name_.erase(it);
}

void IndexTable::erase_of_table(const QualifiedName& table, const std::function<bool(const Index&)>& drop) {
  const auto it = by_table_.find(table);
  if (it == by_table_.end()) return;
  const std::set<QualifiedName> names = it->second;  // erase() edits the set
  for (const auto& name : names)
    if (!drop || drop(by_name_.at(name))) erase(name);
}

bool IndexTable::rename(const QualifiedName& from, const QualifiedName& to, const std::function<void(Index&)>& update) {
  const auto it = by_name_.find(from);
  if (it == by_name_.end()) return false;
  Index index = it->second;  // a copy: erase() needs the entry intact to find its table
  erase(from);
  index.name = to;
  if (update) update(index);
  put(std::move(index));
  return true;
}

void IndexTable::retarget(const QualifiedName& from_table, const QualifiedName& to_table) {
  auto node = by_table_.extract(from_table);
  if (node.empty()) return;
  for (const auto& name : node.mapped()) by_name_.at(name).table = to_table;
  auto& target = by_table_[to_table];
  target.insert(node.mapped().begin(), node.mapped().end());
}

void IndexTable::update_of_table(const QualifiedName& table, const std::function<void(Index&)>& update) {
  if (const auto it = by_table_.find(table); it != by_table_.end())
    for (const auto& name : it->second) update(by_name_.at(name));
}

}  // namespace zdlint
