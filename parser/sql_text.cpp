#include "parser/sql_text.h"

#include <algorithm>

#include "parser/source_file.h"

namespace zdlint {
namespace {

std::string_view trim(std::string_view s) {
  const auto not_space = [](char c) { return c != ' ' && c != '\t' && c != '\r' && c != '\n'; };
  while (!s.empty() && !not_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && !not_space(s.back())) s.remove_suffix(1);
  return s;
}

// The text between the quotes of an escape string (E'…'), its backslash escapes decoded as
// PostgreSQL does (\n, \t and the like, octal, \x hex, \u and \U code points, and any other
// character taken as itself); every byte decoded from an escape comes from where the escape starts.
// Nothing for an escape PostgreSQL rejects (a code point that is not one, a lone surrogate, a zero
// byte, bytes that do not make UTF-8).
std::optional<DecodedString> decode_escapes(std::string_view inside, uint32_t base) {
  DecodedString out;
  const auto emit = [&](char byte, size_t from) {
    out.content.push_back(byte);
    out.file_offsets.push_back(base + static_cast<uint32_t>(from));
  };
  const auto digits = [&](size_t at, size_t most, int radix, uint32_t& value) {
    size_t n = 0;
    value = 0;
    for (; n < most && at + n < inside.size(); ++n) {
      const char c = inside[at + n];
      int digit = -1;
      if (c >= '0' && c <= '9')
        digit = c - '0';
      else if (c >= 'a' && c <= 'f')
        digit = c - 'a' + 10;
      else if (c >= 'A' && c <= 'F')
        digit = c - 'A' + 10;
      if (digit < 0 || digit >= radix) break;
      value = value * static_cast<uint32_t>(radix) + static_cast<uint32_t>(digit);
    }
    return n;
  };
  bool raw_bytes = false;  // an octal or hex escape gave a byte of 0x80 or above
  for (size_t i = 0; i < inside.size();) {
    const size_t from = i;
    const char c = inside[i];
    if (c == '\'') {  // '' stands for one quote
      emit(c, from);
      i += 2;
      continue;
    }
    if (c != '\\' || i + 1 == inside.size()) {
      emit(c, from);
      ++i;
      continue;
    }
    const char kind = inside[i + 1];
    uint32_t value = 0;
    size_t n = 0;
    if (kind >= '0' && kind <= '7') {
      i += 1 + digits(i + 1, 3, 8, value);
      value &= 0xFF;
      if (value == 0) return std::nullopt;  // PostgreSQL refuses a zero byte
      raw_bytes |= value >= 0x80;
      emit(static_cast<char>(value), from);
    } else if (kind == 'x' && (n = digits(i + 2, 2, 16, value)) > 0) {  // \x without a hex digit is x
      i += 2 + n;
      if (value == 0) return std::nullopt;
      raw_bytes |= value >= 0x80;
      emit(static_cast<char>(value), from);
    } else if (kind == 'u' || kind == 'U') {
      const size_t width = kind == 'u' ? 4 : 8;
      if (digits(i + 2, width, 16, value) != width) return std::nullopt;
      i += 2 + width;
      if (value >= 0xD800 && value <= 0xDBFF) {  // a surrogate pair: the low half must follow as \uXXXX
        uint32_t low = 0;
        if (i + 1 >= inside.size() || inside[i] != '\\' || inside[i + 1] != 'u' || digits(i + 2, 4, 16, low) != 4 ||
            low < 0xDC00 || low > 0xDFFF)
          return std::nullopt;
        i += 6;
        value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00);
      } else if ((value >= 0xDC00 && value <= 0xDFFF) || value == 0 || value > 0x10FFFF) {
        return std::nullopt;
      }
      append_utf8(out.content, value);
      out.file_offsets.resize(out.content.size(), base + static_cast<uint32_t>(from));
    } else {
      const char simple = kind == 'b'   ? '\b'
                          : kind == 'f' ? '\f'
                          : kind == 'n' ? '\n'
                          : kind == 'r' ? '\r'
                          : kind == 't' ? '\t'
                                        : kind;
      emit(simple, from);
      i += 2;
    }
  }
  // Bytes given one by one must still make UTF-8, as PostgreSQL checks.
  if (raw_bytes && !is_valid_utf8(out.content)) return std::nullopt;
  return out;
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
  const bool escapes = literal.starts_with("E'") || literal.starts_with("e'");
  const size_t start = escapes ? 1 : 0;
  if (literal.size() < start + 2 || literal[start] != '\'' || literal.back() != '\'') return std::nullopt;
  const std::string_view inside = literal.substr(start + 1, literal.size() - start - 2);
  const uint32_t inside_base = base + static_cast<uint32_t>(start + 1);
  if (escapes) return decode_escapes(inside, inside_base);
  for (size_t i = 0; i < inside.size(); ++i) {
    out.content.push_back(inside[i]);
    out.file_offsets.push_back(inside_base + static_cast<uint32_t>(i));
    if (inside[i] == '\'') ++i;  // '' stands for one quote
  }
  return out;
}

}  // namespace zdlint
