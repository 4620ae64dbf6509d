#pragma once
// PostgreSQL's operator characters (scan.l's op_chars), for zdlint's lexer and for the check of
// runs the scanner would stall on: one table, looked up once per byte.
#include <array>
#include <cstdint>
#include <string_view>

namespace zdlint {
namespace op_chars_detail {

enum Kind : uint8_t { kOther, kOperator, kSpecial };

constexpr std::array<uint8_t, 256> kKinds = [] {
  std::array<uint8_t, 256> kinds{};
  for (const unsigned char c : std::string_view("+-*/<>=")) kinds[c] = kOperator;
  for (const unsigned char c : std::string_view("~!@#^&|`?%")) kinds[c] = kSpecial;
  return kinds;
}();

}  // namespace op_chars_detail

inline bool is_op_char(char c) {
  return op_chars_detail::kKinds[static_cast<unsigned char>(c)] != op_chars_detail::kOther;
}

// The operator characters that let an operator end in `+` or `-`: without one, PostgreSQL drops
// trailing `+` and `-` from an operator, so that `=-1` is `=` then `-1`.
inline bool is_op_special(char c) {
  return op_chars_detail::kKinds[static_cast<unsigned char>(c)] == op_chars_detail::kSpecial;
}

}  // namespace zdlint
