#pragma once
// ASCII character questions for markup and directive readers: no locale lookup (std::tolower and
// std::isspace consult it for every byte), and the same answer on every machine.
#include <algorithm>
#include <cstddef>
#include <string_view>

namespace zdlint {

inline char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Space, tab, newline, carriage return, form feed, vertical tab: C's isspace in the "C" locale.
inline bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Whether `text` holds `needle` at `at`, ignoring ASCII case.
inline bool matches_nocase_at(std::string_view text, size_t at, std::string_view needle) {
  return at <= text.size() && text.size() - at >= needle.size() &&
         std::equal(needle.begin(), needle.end(), text.begin() + static_cast<std::ptrdiff_t>(at),
                    [](char a, char b) { return ascii_lower(a) == ascii_lower(b); });
}

inline bool equals_nocase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && matches_nocase_at(a, 0, b);
}

}  // namespace zdlint
