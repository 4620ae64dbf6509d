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

// The statement's tokens without its comments, for matching keyword sequences.
std::vector<const Token*> tokens_without_comments(const Statement& stmt);

// The statement's first token of `kind` (a PgQuery__Token value), else null.
const Token* first_token_of_kind(const Statement& stmt, int32_t kind);

// The name an identifier token stands for, as PostgreSQL folds it: unquoted ones lower-cased,
// quoted ones verbatim.
std::string identifier_name(std::string_view file_text, const Token& token);

// An identifier as it must be written in SQL: quoted unless it is a plain lower-case name.
std::string quote_identifier(std::string_view name);

// From the token at `offset` to the end of its clause: the last token before the next ',' or ')'
// at the same parenthesis depth, or the statement's end. Used to underline one ALTER TABLE action.
ByteRange clause_range(const Statement& stmt, uint32_t offset);

// A string literal token ('…', E'…', U&'…', $tag$…$tag$) decoded, with the file offset of every content
// byte (of the escape it came from, for an escape), so positions inside the string map back to the
// file.
struct DecodedString {
  std::string content;
  std::vector<uint32_t> file_offsets;  // file_offsets[i] is where content[i] came from
  [[nodiscard]] uint32_t file_offset(size_t i) const {
    return i < file_offsets.size() ? file_offsets[i] : (file_offsets.empty() ? 0 : file_offsets.back() + 1);
  }
};
// The content of a string constant, '…', E'…' (its backslash escapes decoded), U&'…' (its Unicode
// escapes decoded; the literal may end with its UESCAPE 'c' clause) or $tag$…$tag$, which starts at
// file offset `base`. Nothing for other text, or for an escape PostgreSQL would refuse.
std::optional<DecodedString> decode_string_literal_text(std::string_view literal, uint32_t base);

}  // namespace zdlint
