#pragma once
// Small questions about a statement's text, answered from the scanner's tokens.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "parser/statement.h"

namespace zdlint {

Comment make_comment(std::string_view file_text, const Token& token);

// The token that contains `offset`, else the first one after it, else `fallback`.
ByteRange token_range_at(std::span<const Token> tokens, uint32_t offset, ByteRange fallback);

// From the token at `offset` to the end of its clause: the last token before the next ',' or ')'
// at the same parenthesis depth, or the statement's end. Used to underline one ALTER TABLE action.
ByteRange clause_range(const Statement& stmt, uint32_t offset);

// A string literal token ('…', E'…' without escapes, $tag$…$tag$) decoded, with the file offset of
// every content byte, so positions inside the string map back to the file.
struct DecodedString {
  std::string content;
  std::vector<uint32_t> file_offsets;  // file_offsets[i] is where content[i] came from
  [[nodiscard]] uint32_t file_offset(size_t i) const {
    return i < file_offsets.size() ? file_offsets[i] : (file_offsets.empty() ? 0 : file_offsets.back() + 1);
  }
};
std::optional<DecodedString> decode_string_literal(std::string_view file_text, const Token& token);
std::optional<DecodedString> decode_string_literal_text(std::string_view literal, uint32_t base);

}  // namespace zdlint
