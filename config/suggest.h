#pragma once
// "did you mean …?" for misspelt keys, rule ids and runner names.
#include <optional>
#include <span>
#include <string_view>

namespace zdlint::config {

// The candidate closest to `word` by edit distance, when it is close enough to be a typo
// (at most a third of the word's length, and at most 3 edits).
std::optional<std::string_view> closest(std::string_view word, std::span<const std::string_view> candidates);

}  // namespace zdlint::config
