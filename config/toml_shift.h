#pragma once
// A way around a bug of toml++ 3.3 (Debian 12): asked whether one of 3,019 characters (U+00A1..
// U+0499, U+2C5E..U+2FFF, U+3001..U+3057, U+FB26..U+FEFE) is whitespace, its generated test reaches
// __builtin_unreachable(), which is undefined behaviour, and it asks that of characters in keys and
// values, between them, and after a backslash in a string (fuzz/regressions/config/). So toml++
// never sees those characters: each is shifted to a private-use character that it reads correctly,
// one character for one so that every position it reports stays the same, and shifted back in
// whatever zdlint takes from the parsed file.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace zdlint::config {

// `text` with each of those characters shifted to U+E000..U+EBCA; nullopt when `text` already holds
// one of U+E000..U+EBCA (shifting back could not tell them apart), with `conflict` set to its offset.
std::optional<std::string> shift_for_toml(std::string_view text, size_t& conflict);

// `text` with U+E000..U+EBCA shifted back.
std::string shift_back_from_toml(std::string_view text);

}  // namespace zdlint::config
