#include "config/toml_shift.h"

#include <array>
#include <cstdint>
#include <optional>
#include <utility>

namespace zdlint::config {
namespace {

struct ShiftedRange {
  uint32_t first;
  uint32_t last;
  uint32_t shifted_first;
};

// The characters toml++ 3.3 cannot test for whitespace: those of its test's blocks of 0x3FA code
// points from U+00A0 that its switch has no case for, but U+3000 and U+FEFF, which it tests before.
// They are shifted, in order, to U+E000..U+EBCA, which its test answers (no).
constexpr std::array<ShiftedRange, 4> kShifted{{
    {0x00A1, 0x0499, 0xE000},
    {0x2C5E, 0x2FFF, 0xE000 + 1017},
    {0x3001, 0x3057, 0xE000 + 1017 + 930},
    {0xFB26, 0xFEFE, 0xE000 + 1017 + 930 + 87},
}};
constexpr uint32_t kFirstShifted = 0xE000;
constexpr uint32_t kLastShifted = 0xE000 + 1017 + 930 + 87 + 985 - 1;

unsigned char byte_at(std::string_view text, size_t at) {
  return static_cast<unsigned char>(text[at]);
}
bool continues(std::string_view text, size_t at) {
  return at < text.size() && (byte_at(text, at) & 0xC0) == 0x80;
}

// The code point of the two- or three-byte UTF-8 sequence at `at`, and its length; {0, 1} for
// anything else (ASCII, four-byte sequences, bytes that are not UTF-8), which passes unchanged.
// Overlong forms pass unchanged too: toml++ rejects them, and shifted they would be valid.
std::pair<uint32_t, size_t> sequence_at(std::string_view text, size_t at) {
  const uint32_t lead = byte_at(text, at);
  if ((lead & 0xE0) == 0xC0 && lead >= 0xC2 && continues(text, at + 1))
    return {(lead & 0x1F) << 6 | (byte_at(text, at + 1) & 0x3Fu), 2};
  if ((lead & 0xF0) == 0xE0 && continues(text, at + 1) && continues(text, at + 2)) {
    const uint32_t code_point =
        (lead & 0x0F) << 12 | (byte_at(text, at + 1) & 0x3Fu) << 6 | (byte_at(text, at + 2) & 0x3Fu);
    if (code_point >= 0x800) return {code_point, 3};
  }
  return {0, 1};
}

void append_utf8(std::string& out, uint32_t code_point) {
  if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | code_point >> 6);
  } else {
    out += static_cast<char>(0xE0 | code_point >> 12);
    out += static_cast<char>(0x80 | (code_point >> 6 & 0x3F));
  }
  out += static_cast<char>(0x80 | (code_point & 0x3F));
}

// `text` with each character that `map` gives another code point for replaced by that one.
template <typename Map>
std::string remap(std::string_view text, const Map& map) {
  std::string out;
  out.reserve(text.size() + text.size() / 2);
  for (size_t at = 0; at < text.size();) {
    const auto [code_point, length] = sequence_at(text, at);
    if (const std::optional<uint32_t> mapped = map(code_point))
      append_utf8(out, *mapped);
    else
      out.append(text.substr(at, length));
    at += length;
  }
  return out;
}

}  // namespace

std::optional<std::string> shift_for_toml(std::string_view text, size_t& conflict) {
  for (size_t at = 0; at < text.size();) {
    const auto [code_point, length] = sequence_at(text, at);
    if (code_point >= kFirstShifted && code_point <= kLastShifted) {
      conflict = at;
      return std::nullopt;
    }
    at += length;
  }
  return remap(text, [](uint32_t code_point) -> std::optional<uint32_t> {
    for (const ShiftedRange& range : kShifted)
      if (code_point >= range.first && code_point <= range.last) return code_point - range.first + range.shifted_first;
    return std::nullopt;
  });
}

std::string shift_back_from_toml(std::string_view text) {
  return remap(text, [](uint32_t code_point) -> std::optional<uint32_t> {
    for (const ShiftedRange& range : kShifted) {
      const uint32_t shifted_last = range.shifted_first + (range.last - range.first);
      if (code_point >= range.shifted_first && code_point <= shifted_last)
        return code_point - range.shifted_first + range.first;
    }
    return std::nullopt;
  });
}

}  // namespace zdlint::config
