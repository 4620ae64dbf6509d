#include "parser/sql_text.h"

#include <algorithm>

namespace zdlint {
namespace {

std::string_view trim(std::string_view s) {
  const auto not_space = [](char c) { return c != ' ' && c != '\t' && c != '\r' && c != '\n'; };
  while (!s.empty() && !not_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && !not_space(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

Comment make_comment(std::string_view file_text, const Token& token) {
  std::string_view body = file_text.substr(token.begin, token.end - token.begin);
  if (body.starts_with("--")) {
    body.remove_prefix(2);
  } else if (body.starts_with("/*")) {
    body.remove_prefix(2);
    if (body.ends_with("*/")) body.remove_suffix(2);
  }
  return {token.range(), std::string(trim(body))};
}

ByteRange token_range_at(std::span<const Token> tokens, uint32_t offset, ByteRange fallback) {
  for (const auto& token : tokens) {
    if (token.is_comment()) continue;
    if (token.end > offset) return token.range();
  }
  for (auto it = tokens.rbegin(); it != tokens.rend(); ++it)
    if (!it->is_comment()) return it->range();
  return fallback;
}

std::vector<const Token*> tokens_without_comments(const Statement& stmt) {
  std::vector<const Token*> tokens;
  for (const auto& token : stmt.tokens)
    if (!token.is_comment()) tokens.push_back(&token);
  return tokens;
}

const Token* first_token_of_kind(const Statement& stmt, int32_t kind) {
  for (const auto& token : stmt.tokens)
    if (token.kind == kind) return &token;
  return nullptr;
}

std::string identifier_name(std::string_view file_text, const Token& token) {
  const std::string_view text = file_text.substr(token.begin, token.end - token.begin);
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"') {
    std::string name;
    for (size_t i = 1; i + 1 < text.size(); ++i) {
      name.push_back(text[i]);
      if (text[i] == '"') ++i;  // "" stands for one quote
    }
    return name;
  }
  std::string name(text);
  for (auto& c : name)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return name;
}

std::string quote_identifier(std::string_view name) {
  const bool plain = !name.empty() && !(name[0] >= '0' && name[0] <= '9') &&
                     std::all_of(name.begin(), name.end(),
                                 [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
  if (plain) return std::string(name);
  std::string quoted = "\"";
  for (char c : name) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

ByteRange clause_range(const Statement& stmt, uint32_t offset) {
  ByteRange range{offset, offset};
  int depth = 0;
  bool started = false;
  for (const auto& token : stmt.tokens) {
    if (token.is_comment()) continue;
    if (!started) {
      if (token.end <= offset) continue;
      started = true;
      range.begin = std::min(offset, token.begin);
    }
    if (token.begin >= stmt.range.end) break;
    if (token.is('(')) ++depth;
    if (token.is(')') && depth-- == 0) break;
    if (depth == 0 && (token.is(',') || token.is(';'))) break;
    range.end = token.end;
  }
  if (range.end <= range.begin) return stmt.range;
  return range;
}

std::optional<DecodedString> decode_string_literal(std::string_view file_text, const Token& token) {
  return decode_string_literal_text(file_text.substr(token.begin, token.end - token.begin), token.begin);
}

std::optional<DecodedString> decode_string_literal_text(std::string_view literal, uint32_t base) {
  DecodedString out;
  if (literal.starts_with("$")) {
    const size_t tag_end = literal.find('$', 1);
    if (tag_end == std::string_view::npos) return std::nullopt;
    const size_t tag_len = tag_end + 1;
    if (literal.size() < 2 * tag_len) return std::nullopt;
    const std::string_view body = literal.substr(tag_len, literal.size() - 2 * tag_len);
    out.content.assign(body);
    out.file_offsets.resize(body.size());
    for (size_t i = 0; i < body.size(); ++i) out.file_offsets[i] = base + static_cast<uint32_t>(tag_len + i);
    return out;
  }
  size_t start = 0;
  if (literal.starts_with("E'") || literal.starts_with("e'")) {
    // Backslash escapes change lengths in ways that are not worth modelling here.
    if (literal.find('\\') != std::string_view::npos) return std::nullopt;
    start = 1;
  }
  if (literal.size() < start + 2 || literal[start] != '\'' || literal.back() != '\'') return std::nullopt;
  for (size_t i = start + 1; i + 1 < literal.size(); ++i) {
    out.content.push_back(literal[i]);
    out.file_offsets.push_back(base + static_cast<uint32_t>(i));
    if (literal[i] == '\'') ++i;  // '' stands for one quote
  }
  return out;
}

}  // namespace zdlint
