#pragma once

#include <algorithm>
#include <cstdint>
#include <list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace zdlint {

// Things with a `name` (a table's constraints, a domain's CHECKs), kept in the order they were
// added and found by name in constant time: a table may hold thousands of constraints, PostgreSQL
// sets no limit, and each VALIDATE, DROP or RENAME of one, and each unnamed one added, looks names
// up. A list, so that removing one from the middle moves none of the others.
//
// Names are unique on a server, but a lenient replay may record one twice; then the first added is
// the one found, as a search of the list from its start would find it.
//
// Iterating without const may change anything but an item's name: rename() changes that.
template <typename Item>
class NamedList {
 public:
  using iterator = typename std::list<Item>::iterator;
  using const_iterator = typename std::list<Item>::const_iterator;

  NamedList() = default;
  NamedList(const NamedList& other) : items_(other.items_), names_taken_(other.names_taken_) {
    if (other.indexed_) reindex();
  }
  NamedList& operator=(const NamedList& other) {
    if (this != &other) *this = NamedList(other);
    return *this;
  }
  // A move keeps the list's nodes where they are, so the index's views and iterators stay right.
  NamedList(NamedList&&) noexcept = default;
  NamedList& operator=(NamedList&&) noexcept = default;
  ~NamedList() = default;

  [[nodiscard]] iterator begin() { return items_.begin(); }
  [[nodiscard]] iterator end() { return items_.end(); }
  [[nodiscard]] const_iterator begin() const { return items_.begin(); }
  [[nodiscard]] const_iterator end() const { return items_.end(); }
  [[nodiscard]] size_t size() const { return items_.size(); }
  [[nodiscard]] bool empty() const { return items_.empty(); }

  // The items' names, in the order the items were added.
  [[nodiscard]] std::vector<std::string> names() const {
    std::vector<std::string> result;
    result.reserve(items_.size());
    for (const Item& item : items_) result.push_back(item.name);
    return result;
  }

  [[nodiscard]] const Item* find(std::string_view name) const {
    const auto it = position(*this, name);
    return it == items_.end() ? nullptr : &*it;
  }
  [[nodiscard]] Item* find(std::string_view name) {
    const auto it = position(*this, name);
    return it == items_.end() ? nullptr : &*it;
  }

  void push_back(Item item) {
    items_.push_back(std::move(item));
    if (indexed_)
      index(std::prev(items_.end()));
    else if (items_.size() > kSearchedOneByOne)
      reindex();
  }

  // Removes the item found by `name`, if any, and returns whether there was one.
  bool erase(std::string_view name) {
    const iterator it = position(*this, name);
    if (it == items_.end()) return false;
    if (indexed_) by_name_.erase(std::string_view(it->name));
    items_.erase(it);
    names_taken_.clear();
    if (duplicates_) reindex();  // another item of that name, if any, is found now
    return true;
  }

  template <typename Predicate>
  size_t erase_if(Predicate&& predicate) {
    const size_t erased = std::erase_if(items_, std::forward<Predicate>(predicate));
    if (erased) {
      names_taken_.clear();
      if (indexed_) reindex();
    }
    return erased;
  }

  void rename(Item& item, std::string new_name) {
    if (item.name == new_name) return;
    names_taken_.clear();
    if (!indexed_) {
      item.name = std::move(new_name);
      return;
    }
    if (duplicates_) {
      item.name = std::move(new_name);
      reindex();
      return;
    }
    const auto it = by_name_.find(std::string_view(item.name));
    const iterator at = it->second;
    by_name_.erase(it);
    item.name = std::move(new_name);
    // Onto a name held: which of the two is first in the list decides which is found.
    if (!by_name_.emplace(std::string_view(at->name), at).second) reindex();
  }

  // For choosing names as PostgreSQL does (choose_name in object_names.h), which numbers a name
  // ("t_a_check", "t_a_check1", …) until it is free: how many of the numbered names made the way
  // `key()` says are known to be taken. Adding keeps that true; removing or renaming forgets it.
  // `key` is called only when the list keeps a count (most tables give out one name of each kind).
  template <typename Key>
  [[nodiscard]] uint32_t names_known_taken(const Key& key) const {
    if (names_taken_.empty()) return 0;
    const auto it = names_taken_.find(key());
    return it == names_taken_.end() ? 0 : it->second;
  }
  // Runs `choose` with that count, as choose_name takes it, and keeps the count it leaves.
  template <typename Key, typename Choose>
  std::string choose_name_counted(const Key& key, const Choose& choose) {
    uint32_t taken = names_known_taken(key);
    std::string name = choose(taken);
    if (taken > 0)
      names_taken_[key()] = taken;
    else if (!names_taken_.empty())
      names_taken_.erase(key());
    return name;
  }

 private:
  // Most tables have a handful of constraints: searching them costs less than keeping an index.
  static constexpr size_t kSearchedOneByOne = 16;

  // Where the item found by `name` is: an iterator, or a const_iterator of a const list.
  template <typename Self>
  static auto position(Self& self, std::string_view name) -> decltype(self.items_.begin()) {
    if (self.indexed_) {
      const auto it = self.by_name_.find(name);
      if (it == self.by_name_.end()) return self.items_.end();
      return it->second;
    }
    return std::find_if(self.items_.begin(), self.items_.end(), [&](const Item& item) { return item.name == name; });
  }
  void index(iterator item) {
    if (!by_name_.emplace(std::string_view(item->name), item).second) duplicates_ = true;
  }
  void reindex() {
    by_name_.clear();
    duplicates_ = false;
    indexed_ = true;
    for (auto it = items_.begin(); it != items_.end(); ++it) index(it);
  }

  std::list<Item> items_;
  bool indexed_ = false;  // whether by_name_ is kept: once the list has held more than kSearchedOneByOne
  std::unordered_map<std::string_view, iterator> by_name_;  // views of the items' names: the first of each
  bool duplicates_ = false;                                 // some name is held by more than one item
  std::unordered_map<std::string, uint32_t> names_taken_;
};

}  // namespace zdlint
