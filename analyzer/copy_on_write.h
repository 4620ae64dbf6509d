#pragma once
// A value shared by the catalogs that hold it until one of them changes it. The down comparison
// copies the objects a migration names twice (Catalog::subset); most of them neither the up nor the
// down changes, and a shared one costs a count, not its columns, constraints and lists.
#include <memory>
#include <utility>

namespace zdlint {

template <typename T>
class CopyOnWrite {
 public:
  explicit CopyOnWrite(T value) : value_(std::make_shared<T>(std::move(value))) {}

  [[nodiscard]] const T& operator*() const { return *value_; }
  [[nodiscard]] const T* operator->() const { return value_.get(); }
  // The value, to change: first a copy of its own when another holder shares it. Catalogs and
  // their copies are changed and copied on the replay's thread only, so the count cannot grow
  // between the look and the change.
  [[nodiscard]] T& changed() {
    if (value_.use_count() > 1) value_ = std::make_shared<T>(*value_);
    return *value_;
  }
  // Whether both hold the very same value: then they are equal without a look inside.
  [[nodiscard]] bool shares(const CopyOnWrite& other) const { return value_ == other.value_; }

 private:
  std::shared_ptr<T> value_;
};

}  // namespace zdlint
