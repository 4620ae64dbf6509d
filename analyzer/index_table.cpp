#include "analyzer/catalog.h"

#include <algorithm>

namespace zdlint {

IndexTable::IndexTable(const IndexTable& other) : by_name_(other.by_name_) {
  for (auto& [name, index] : by_name_) by_table_[index->table].emplace(name, &index);
}

IndexTable& IndexTable::operator=(const IndexTable& other) {
  if (this != &other) *this = IndexTable(other);
  return *this;
}

const Index* IndexTable::find(const QualifiedName& name) const {
  const auto it = by_name_.find(name);
  return it == by_name_.end() ? nullptr : &*it->second;
}

std::vector<const Index*> IndexTable::of_table(const QualifiedName& table) const {
  std::vector<const Index*> out;
  if (const auto it = by_table_.find(table); it != by_table_.end())
    for (const auto& [name, index] : it->second) out.push_back(&**index);
  return out;
}

std::vector<const Index*> IndexTable::all() const {
  std::vector<const Index*> out;
  out.reserve(by_name_.size());
  for (const auto& [name, index] : by_name_) out.push_back(&*index);
  std::sort(out.begin(), out.end(), ByName{});
  return out;
}

Index& IndexTable::put(Index index) {
  erase(index.name);
  const QualifiedName name = index.name;
  CopyOnWrite<Index>& stored = by_name_.emplace(name, CopyOnWrite<Index>(std::move(index))).first->second;
  by_table_[stored->table].emplace(name, &stored);
  return stored.changed();  // new: its own already
}

void IndexTable::copy_of_table(const IndexTable& from, const QualifiedName& table) {
  const auto theirs = from.by_table_.find(table);
  if (theirs == from.by_table_.end() || theirs->second.empty()) return;
  std::map<QualifiedName, CopyOnWrite<Index>*>& mine = by_table_[table];
  for (const auto& [name, index] : theirs->second)
    if (const auto [it, added] = by_name_.try_emplace(name, *index); added)
      mine.emplace_hint(mine.end(), name, &it->second);
}

void IndexTable::erase(const QualifiedName& name) {
  const auto it = by_name_.find(name);
  if (it == by_name_.end()) return;
  if (const auto table = by_table_.find(it->second->table); table != by_table_.end()) {
    table->second.erase(name);
    if (table->second.empty()) by_table_.erase(table);
  }
  by_name_.erase(it);
}

void IndexTable::erase_of_table(const QualifiedName& table, const std::function<bool(const Index&)>& drop) {
  const auto it = by_table_.find(table);
  if (it == by_table_.end()) return;
  std::vector<QualifiedName> dropped;  // erase() edits the table's map
  for (const auto& [name, index] : it->second)
    if (!drop || drop(**index)) dropped.push_back(name);
  for (const auto& name : dropped) erase(name);
}

bool IndexTable::rename(const QualifiedName& from, const QualifiedName& to, const std::function<void(Index&)>& update) {
  const auto it = by_name_.find(from);
  if (it == by_name_.end()) return false;
  Index index = *it->second;  // a copy: erase() needs the entry intact to find its table
  erase(from);
  index.name = to;
  if (update) update(index);
  put(std::move(index));
  return true;
}

void IndexTable::retarget(const QualifiedName& from_table, const QualifiedName& to_table) {
  auto node = by_table_.extract(from_table);
  if (node.empty()) return;
  for (const auto& [name, index] : node.mapped()) index->changed().table = to_table;
  auto& target = by_table_[to_table];
  target.insert(node.mapped().begin(), node.mapped().end());
}

void IndexTable::update_of_table(const QualifiedName& table, const std::function<void(Index&)>& update) {
  if (const auto it = by_table_.find(table); it != by_table_.end())
    for (const auto& [name, index] : it->second) update(index->changed());
}

}  // namespace zdlint
