#pragma once
// Tokens as PostgreSQL's own scanner gives them. Comments, statement boundaries and string literals
// are found by tokens, never by matching text. Plain SQL is lexed here (sql_lexer.h), which gives
// exactly pg_query_scan's tokens at a fraction of its cost; anything else goes to pg_query_scan.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parser/source_file.h"

namespace zdlint {

struct Token {
  uint32_t begin = 0;  // file byte offsets
  uint32_t end = 0;
  int32_t kind = 0;  // a PgQuery__Token value
  [[nodiscard]] bool is_comment() const;
  [[nodiscard]] bool is_string() const;
  [[nodiscard]] bool is(char ascii) const { return kind == ascii; }
  [[nodiscard]] ByteRange range() const { return {begin, end}; }
};

struct ScanOutcome {
  std::vector<Token> tokens;
  // Set when the scanner stopped (an unterminated string or comment); tokens hold what came before.
  std::optional<uint32_t> error_offset;
  std::string error_message;
};

// After the quote at text[close] that ends a part of a string constant: the offset of the quote that
// continues it, when only spaces holding a line break (and -- comments) lie between ('…'\n'…',
// which PostgreSQL reads as one string); npos otherwise.
size_t continuing_quote(std::string_view text, size_t close);
// The offset of the quote that closes the quoted text whose opening quote is text[opening]: the first
// one after it that is not doubled (a doubled quote stands for one), escaped by a backslash (when
// `backslash_escapes`, as in E'…') nor continued on a later line. text.size() when none does.
size_t closing_quote(std::string_view text, size_t opening, bool backslash_escapes = false);

// Scans `text`, whose first byte is at file offset `base`.
ScanOutcome scan_tokens(std::string_view text, uint32_t base);
// The same with pg_query_scan, whatever the text holds (for comparing the two).
ScanOutcome scan_with_postgres(std::string_view text, uint32_t base);

}  // namespace zdlint
