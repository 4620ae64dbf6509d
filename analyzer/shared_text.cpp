#include "analyzer/shared_text.h"

#include "parser/xxhash.h"

namespace zdlint {

size_t TextPool::Hash::operator()(std::string_view text) const {
  return XXH3_64bits_withSeed(text.data(), text.size(), 0);
}

SharedText TextPool::intern(std::string text) {
  if (text.empty()) return {};
  if (const auto it = texts_.find(text); it != texts_.end()) return it->second;
  SharedText shared(std::move(text));
  texts_.emplace(shared.view(), shared);
  return shared;
}

}  // namespace zdlint
