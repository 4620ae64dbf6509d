#include <doctest/doctest.h>

#include <string>

#include "parser/pg_query_raii.h"
#include "parser/scanner_stall.h"

using namespace zdlint;

namespace {

std::string repeat(std::string_view piece, size_t times) {
  std::string text;
  for (size_t i = 0; i < times; ++i) text += piece;
  return text;
}

}  // namespace

TEST_CASE("scanner stall: each \"/*\" costs the run of operator characters that holds it") {
  // One run, "/*/*/*" at offset 2: three openings, each rereading its six bytes.
  CHECK_FALSE(find_scanner_stall("x /*/*/* y", 18));
  const auto one_run = find_scanner_stall("x /*/*/* y", 17);
  REQUIRE(one_run);
  CHECK(one_run->offset == 2);
  CHECK(one_run->openings == 3);
  // Two runs of 4 bytes and 2 openings: 8 each, 16 in all; the second run is where it goes over.
  CHECK_FALSE(find_scanner_stall("/*/* a /*/*", 16));
  const auto second = find_scanner_stall("/*/* a /*/*", 15);
  REQUIRE(second);
  CHECK(second->offset == 7);
  CHECK(second->openings == 2);
  // The run starts at the operator characters before its first "/*", and every "/*" of it counts.
  const auto whole = find_scanner_stall("SELECT 1 +-/*/*/*/*", 1);
  REQUIRE(whole);
  CHECK(whole->offset == 9);
  CHECK(whole->openings == 4);
}

TEST_CASE("scanner stall: real SQL, long banners and many comments are read in time") {
  CHECK_FALSE(find_scanner_stall("SELECT 1; /* a comment */ SELECT 2; -- another\n"));
  CHECK_FALSE(find_scanner_stall("/" + repeat("*", 1'000'000) + "/\nSELECT 1;"));  // one opening
  CHECK_FALSE(find_scanner_stall(repeat("/* comment */ SELECT 1;\n", 100'000)));
  CHECK_FALSE(find_scanner_stall(repeat("/*", 2'000) + repeat("*/", 2'000)));  // some 0.04 s for the scanner
  const auto nested = find_scanner_stall("SELECT 1;\n" + repeat("/*", 250'000) + repeat("*/", 250'000));
  REQUIRE(nested);
  CHECK(nested->offset == 10);
  CHECK(nested->openings == 499'999);  // "*/*/" holds one more "/*" between each two closings
}

TEST_CASE("scanner stall: libpg_query is not called, and the wrappers give the error at the run") {
  const std::string sql = "SELECT 'é';\n" + repeat("/*", 250'000) + repeat("*/", 250'000) + "SELECT 2;";
  const ParseTreeResult parsed(sql.c_str());
  REQUIRE(parsed.error());
  CHECK(parsed.error()->cursorpos == 13);  // characters, from 1: 12 before the run, "é" one of them
  CHECK(std::string(parsed.error()->message) ==
        "499999 comment openings (\"/*\") in one run of operator characters: PostgreSQL's scanner reads the rest "
        "of the run again at each of them, which would take it minutes (on the server too), so this text is not "
        "parsed");
  CHECK_FALSE(parsed.tree());
  const SplitResult split(sql.c_str());
  CHECK(split.stalled());
  CHECK(split.size() == 0);
  CHECK(ScanResult(sql.c_str()).error()->cursorpos == 13);
  CHECK(PlpgsqlParseResult(sql.c_str()).error()->cursorpos == 13);
  const SplitResult fine("SELECT 1; /* x */ SELECT 2;");
  CHECK_FALSE(fine.stalled());
  CHECK(fine.size() == 2);
}
