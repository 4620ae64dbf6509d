#include "parser/scanner_stall.h"

#include <algorithm>

#include "parser/op_chars.h"

namespace zdlint {
namespace {

bool is_plus_minus(char c) {
  return c == '+' || c == '-';
}

// Long runs are found by looking at every kStride-th byte: a run of 2 * kStride bytes or more
// holds two consecutive ones.
constexpr size_t kStride = 128;

// What the scanner reads of the run [begin, end) token by token, as scan.l's operator and
// comment-start rules cut it: each token's match reads to the run's end. Stops once past `budget`.
size_t run_cost(std::string_view sql, size_t begin, size_t end, size_t budget) {
  size_t spent = 0;
  const auto starts = [&](size_t at, char a, char b) { return at + 1 < end && sql[at] == a && sql[at + 1] == b; };
  size_t cut = begin;           // the next "/*" or "--" after the token's start, or the end
  size_t special = begin;       // the next of ~!@#^&|`?% from the token's start, or the end
  size_t suffix_end = end + 1;  // the cut whose run of trailing + and - starts at suffix_begin
  size_t suffix_begin = 0;
  for (size_t at = begin; at < end && spent <= budget;) {
    spent += end - at;
    if (starts(at, '-', '-')) break;  // a comment to the end of the line takes the rest
    if (starts(at, '/', '*')) {       // a comment starts: the scanner keeps the "/*"
      at += 2;
      continue;
    }
    if (cut <= at) {
      cut = at + 1;
      while (cut < end && !starts(cut, '/', '*') && !starts(cut, '-', '-')) ++cut;
    }
    while (special < end && (special < at || !is_op_special(sql[special]))) ++special;
    size_t token_end = cut;
    if (token_end - at > 1 && is_plus_minus(sql[token_end - 1]) && special >= token_end - 1) {
      if (suffix_end != cut) {
        suffix_end = cut;
        suffix_begin = cut;
        while (suffix_begin > begin && is_plus_minus(sql[suffix_begin - 1])) --suffix_begin;
      }
      token_end = std::max(at + 1, suffix_begin);
    }
    at = token_end;
  }
  return spent;
}

}  // namespace

std::optional<ScannerStall> find_scanner_stall(std::string_view sql, size_t max_read) {
  size_t spent = 0;
  size_t searched_to = 0;  // runs before it have been costed
  for (size_t at = kStride; at < sql.size(); at += kStride) {
    if (at < searched_to || !is_op_char(sql[at]) || !is_op_char(sql[at - kStride])) continue;
    size_t begin = at, end = at;
    while (begin > searched_to && is_op_char(sql[begin - 1])) --begin;
    while (end < sql.size() && is_op_char(sql[end])) ++end;
    searched_to = end;
    if (end - begin < 2 * kStride) continue;
    const size_t cost = run_cost(sql, begin, end, max_read - spent);
    if (cost > max_read - spent) return ScannerStall{begin, end - begin};
    spent += cost;
  }
  return std::nullopt;
}

}  // namespace zdlint
