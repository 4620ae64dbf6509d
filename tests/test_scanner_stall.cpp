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

// The stall's offset and length, or {0, 0} for none.
std::pair<size_t, size_t> stall(std::string_view sql, size_t max_reread) {
  const auto found = find_scanner_stall(sql, max_reread);
  return found ? std::pair{found->offset, found->length} : std::pair<size_t, size_t>{0, 0};
}

}  // namespace

TEST_CASE("scanner stall: each token of a run costs the rest of the run") {
  // 300 `+`: an operator may not end in `+` without one of ~!@#^&|`?%, so each `+` is a token of
  // its own, read to the run's end: 300 + 299 + … + 1 = 45,150 bytes.
  const std::string pluses = "SELECT 1 " + repeat("+", 300) + " 1";
  CHECK(stall(pluses, 45'150) == std::pair<size_t, size_t>{0, 0});
  CHECK(stall(pluses, 45'149) == std::pair<size_t, size_t>{9, 300});
  // One token each: no `+` or `-` at the end, or a `%` before it.
  CHECK(stall(repeat("=", 300), 299) == std::pair<size_t, size_t>{0, 300});
  CHECK(stall(repeat("=", 300), 300) == std::pair<size_t, size_t>{0, 0});
  CHECK(stall("%" + repeat("+", 299), 300) == std::pair<size_t, size_t>{0, 0});
  CHECK(stall(repeat("+", 299) + "%", 300) == std::pair<size_t, size_t>{0, 0});
  // `=` × 150 then `+` × 150: the `=` are one token (300), each `+` one (150 + … + 1 = 11,325).
  CHECK(stall(repeat("=", 150) + repeat("+", 150), 11'625) == std::pair<size_t, size_t>{0, 0});
  CHECK(stall(repeat("=", 150) + repeat("+", 150), 11'624) == std::pair<size_t, size_t>{0, 300});
  // A comment start keeps only its "/*"; "--" takes the rest of the line, however long the run.
  CHECK(stall("/*" + repeat("=", 298), 300 + 298) == std::pair<size_t, size_t>{0, 0});
  CHECK(stall("/*" + repeat("=", 298), 300 + 297) == std::pair<size_t, size_t>{0, 300});
  CHECK(stall(repeat("=", 100) + "--" + repeat("+", 198), 300 + 200) == std::pair<size_t, size_t>{0, 0});
  CHECK(stall(repeat("=", 100) + "--" + repeat("+", 198), 300 + 199) == std::pair<size_t, size_t>{0, 300});
  // The costs of all long runs add up; the run that passes the limit is the one reported.
  const std::string two_runs = repeat("+", 300) + " 1 " + repeat("+", 300);
  CHECK(stall(two_runs, 2 * 45'150) == std::pair<size_t, size_t>{0, 0});
  CHECK(stall(two_runs, 2 * 45'150 - 1) == std::pair<size_t, size_t>{303, 300});
}

TEST_CASE("scanner stall: real SQL, banners and short runs are read in time") {
  CHECK_FALSE(find_scanner_stall("SELECT 1; /* a comment */ SELECT 2; -- another\n"));
  CHECK_FALSE(find_scanner_stall("/" + repeat("*", 1'000'000) + "/\nSELECT 1;"));  // a comment start, one token
  CHECK_FALSE(find_scanner_stall("-- " + repeat("=", 1'000'000) + "\nSELECT 1;"));
  CHECK_FALSE(find_scanner_stall(repeat("/* comment */ SELECT 1 + 2;\n", 100'000)));
  CHECK_FALSE(find_scanner_stall(repeat("SELECT 1 " + repeat("+", 200) + " 1;\n", 10'000)));  // runs under 256
  CHECK_FALSE(find_scanner_stall(repeat("/*", 2'000) + repeat("*/", 2'000)));  // some 0.04 s for the scanner
  CHECK(stall("SELECT 1;\n" + repeat("/*", 250'000) + repeat("*/", 250'000), 64u << 20) ==
        std::pair<size_t, size_t>{10, 1'000'000});
  CHECK(stall("SELECT 1 " + repeat("+", 64'000) + " 1;", 64u << 20) == std::pair<size_t, size_t>{9, 64'000});
  CHECK(find_scanner_stall("SELECT 1 " + repeat("+", 64'000) + " 1;"));
  // 69 MB of runs that are one token each cost the scanner their length: over 64 MiB in all, but
  // in proportion to the text, which the default allows for.
  const std::string long_file = repeat(repeat("=", 300) + "\n", 240'000);
  CHECK(find_scanner_stall(long_file, 64u << 20));
  CHECK_FALSE(find_scanner_stall(long_file));
}

TEST_CASE("scanner stall: libpg_query is not called, and the wrappers give the error at the run") {
  const std::string sql = "SELECT 'é';\n" + repeat("/*", 250'000) + repeat("*/", 250'000) + "SELECT 2;";
  const ParseTreeResult parsed(sql.c_str());
  REQUIRE(parsed.error());
  CHECK(parsed.error()->cursorpos == 13);  // characters, from 1: 12 before the run, "é" one of them
  CHECK(std::string(parsed.error()->message) ==
        "a run of 1000000 operator characters, which PostgreSQL's scanner reads again from each token it makes of "
        "it (nested \"/*\", or \"+\" after \"+\"): that would take minutes, here and on the server, so this text "
        "is not parsed");
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
