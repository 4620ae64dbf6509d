// Built-in function volatility: the table generated from pg_proc, packed at compile time and
// binary-searched, answers for its first and last names, for names in between, and for none else.
#include <doctest/doctest.h>

#include "analyzer/volatility.h"

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
