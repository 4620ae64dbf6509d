#pragma once
// Tables of strings that a position-independent binary need not relocate. A constexpr table of
// string_views is a table of pointers: the loader writes every one of them at each start, and each
// page it writes is a page fault (on a virtual machine 10 µs; bench/README.md, the one small file).
// Packed at compile time, the same strings are characters back to back and where each starts.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace zdlint {

template <size_t Count, size_t Bytes>
struct PackedStrings {
  std::array<char, Bytes> chars{};
  std::array<uint32_t, Count + 1> starts{};  // string i is chars[starts[i], starts[i + 1])

  [[nodiscard]] static constexpr size_t size() { return Count; }
  [[nodiscard]] constexpr std::string_view operator[](size_t i) const {
    return {chars.data() + starts[i], starts[i + 1] - starts[i]};
  }
};

// The strings that `List{}()` gives (a captureless lambda that returns a std::array of
// string_views, read only while compiling), packed.
template <typename List>
consteval auto pack_strings(List) {
  constexpr auto strings = List{}();
  constexpr size_t bytes = [&] {
    size_t total = 0;
    for (const std::string_view text : strings) total += text.size();
    return total;
  }();
  PackedStrings<strings.size(), bytes> packed;
  size_t at = 0;
  for (size_t i = 0; i < strings.size(); ++i) {
    packed.starts[i] = static_cast<uint32_t>(at);
    for (const char c : strings[i]) packed.chars[at++] = c;
  }
  packed.starts[strings.size()] = static_cast<uint32_t>(at);
  return packed;
}

}  // namespace zdlint
