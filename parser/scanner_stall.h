#pragma once
// Text on which PostgreSQL's scanner would stall. Its rules for operators and comment starts read
// a whole run of operator characters (`+`, `*`, `/`, `=` and the rest of op_chars) and then put
// back all but the token they make of it: the operator rule cuts at a "/*" or "--" in the run and
// drops trailing `+` and `-` (so that `=-1` is `=` then `-1`), and the comment-start rule keeps
// only the "/*" (scan.l: xcstart is \/\*{op_chars}*, then yyless(2)). A long run that falls into
// many tokens is therefore read again from each of them: 64,000 `+` in a row take the scanner 22
// s, 250,000 nested comment openings ("/*/*/*…*/*/*/", 1 MB) about ten minutes, in libpg_query as
// on the server. Such text is not given to libpg_query at all.
#include <cstddef>
#include <optional>
#include <string_view>

namespace zdlint {

struct ScannerStall {
  size_t offset = 0;  // where the run of operator characters starts, in bytes
  size_t length = 0;  // its bytes
};

// The run that makes the scanner read more than `max_read` bytes in all over the text's long runs
// (of 256 bytes and more; shorter ones cost at most 128 times their length), or none. The estimate
// takes every run for code: one inside a string or a comment costs the scanner less, but no real
// SQL holds a run of thousands of `+` or `/*` there either (a banner of `*` or `=` is one token).
std::optional<ScannerStall> find_scanner_stall(std::string_view sql, size_t max_read);

// The default: some 0.1 s of the scanner's time, and eight bytes for each of the text's, so that a
// large file of many long runs that each make a few tokens, which costs the scanner time in
// proportion to its size, is not taken for one that stalls.
inline std::optional<ScannerStall> find_scanner_stall(std::string_view sql) {
  return find_scanner_stall(sql, (size_t{64} << 20) + 8 * sql.size());
}

}  // namespace zdlint
