// Built-in function volatility: the table generated from pg_proc, packed at compile time and
// binary-searched, answers for its first and last names, for names in between, and for none else.
#include <doctest/doctest.h>

#include <array>
#include <string_view>
#include <vector>

#include "analyzer/volatility.h"
#include "parser/packed_strings.h"

using namespace zdlint;

TEST_CASE("builtin_volatility: the table's ends and names in between") {
  CHECK(builtin_volatility("RI_FKey_cascade_del") == Volatility::Volatile);  // the first name
  CHECK(builtin_volatility("xpath_exists") == Volatility::Immutable);        // the last name
  CHECK(builtin_volatility("now") == Volatility::Stable);
  CHECK(builtin_volatility("random") == Volatility::Volatile);
  CHECK(builtin_volatility("clock_timestamp") == Volatility::Volatile);
  CHECK(builtin_volatility("lower") == Volatility::Immutable);
}

TEST_CASE("builtin_volatility: names the table does not hold") {
  CHECK_FALSE(builtin_volatility("").has_value());
  CHECK_FALSE(builtin_volatility("A").has_value());              // before the first name
  CHECK_FALSE(builtin_volatility("xpath_exists_").has_value());  // after the last name
  CHECK_FALSE(builtin_volatility("no").has_value());             // a prefix of "now"
  CHECK_FALSE(builtin_volatility("nowx").has_value());           // "now" is a prefix of it
  CHECK_FALSE(builtin_volatility("NOW").has_value());            // names are compared as folded
  CHECK_FALSE(builtin_volatility("my_function").has_value());
}

// The packing itself (parser/packed_strings.h), which the table above and the fingerprint's field
// names use: checked while compiling, and once more at run time.
constexpr auto kPacked = pack_strings([] { return std::to_array<std::string_view>({"now", "", "lower", "x"}); });
static_assert(kPacked.size() == 4);
static_assert(kPacked[0] == "now" && kPacked[1].empty() && kPacked[2] == "lower" && kPacked[3] == "x");
static_assert(sizeof(kPacked.chars) == 9, "the characters back to back, nothing between them");

TEST_CASE("pack_strings: each string where it was, empty ones included") {
  const std::vector<std::string_view> unpacked{kPacked[0], kPacked[1], kPacked[2], kPacked[3]};
  CHECK(unpacked == std::vector<std::string_view>{"now", "", "lower", "x"});
  CHECK(kPacked[2].data() == kPacked[1].data());  // an empty string takes no room
}
