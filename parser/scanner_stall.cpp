#include "parser/scanner_stall.h"

#include <cstring>

namespace zdlint {
namespace {

// PostgreSQL's op_chars.
bool is_operator_char(char c) {
  return c != '\0' && std::strchr("~!@#^&|`?+-*/%<>=", c) != nullptr;
}

}  // namespace

std::optional<ScannerStall> find_scanner_stall(std::string_view sql, size_t max_reread) {
  // Each "/*" costs the scanner the length of the run that holds it. Runs are found from their
  // "/*" only, so text with few of them (all real SQL) is passed over at memchr's speed.
  size_t reread = 0;
  size_t run_begin = 0, run_end = 0, openings = 0;  // the run holding the last "/*" found
  for (size_t at = sql.find("/*"); at != std::string_view::npos; at = sql.find("/*", at + 2)) {
    if (at >= run_end) {  // a new run: the last one's cost is final
      reread += openings * (run_end - run_begin);
      run_begin = at;
      while (run_begin > 0 && is_operator_char(sql[run_begin - 1])) --run_begin;
      run_end = at + 2;
      while (run_end < sql.size() && is_operator_char(sql[run_end])) ++run_end;
      openings = 0;
    }
    ++openings;
    if (reread + openings * (run_end - run_begin) > max_reread) {
      for (at = sql.find("/*", at + 2); at != std::string_view::npos && at < run_end; at = sql.find("/*", at + 2))
        ++openings;  // the rest of the run's, for the message
      return ScannerStall{run_begin, openings};
    }
  }
  return std::nullopt;
}

}  // namespace zdlint
