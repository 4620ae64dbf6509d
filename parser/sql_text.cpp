#include "parser/sql_text.h"

#include <algorithm>
#include <optional>

#include "parser/source_file.h"

namespace zdlint {
namespace {

std::string_view trim(std::string_view s) {
  const auto not_space = [](char c) { return c != ' ' && c != '\t' && c != '\r' && c != '\n'; };
  while (!s.empty() && !not_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && !not_space(s.back())) s.remove_suffix(1);
  return s;
}

// Up to `most` digits of `radix` at text[at…]: how many there were, their value in `value`.
size_t read_digits(std::string_view text, size_t at, size_t most, uint32_t radix, uint32_t& value) {
  size_t n = 0;
  value = 0;
  for (; n < most && at + n < text.size(); ++n) {
    const char c = text[at + n];
    uint32_t digit = radix;
    if (c >= '0' && c <= '9')
      digit = static_cast<uint32_t>(c - '0');
    else if (c >= 'a' && c <= 'f')
      digit = static_cast<uint32_t>(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F')
      digit = static_cast<uint32_t>(c - 'A' + 10);
    if (digit >= radix) break;
    value = value * radix + digit;
  }
  return n;
}

// Decoded text under construction: each byte with the file offset it came from.
class Decoder {
 public:
  explicit Decoder(uint32_t base) : base_(base) {}

  void byte(char c, size_t from) {
    out_.content.push_back(c);
    out_.file_offsets.push_back(base_ + static_cast<uint32_t>(from));
  }
  // A code point from an escape at `from`; false when PostgreSQL refuses it (zero, a surrogate,
  // beyond U+10FFFF). A high surrogate waits for the low one the next escape must give.
  bool code_point(uint32_t value, size_t from) {
    if (high_surrogate_) {
      if (value < 0xDC00 || value > 0xDFFF) return false;
      value = 0x10000 + ((*high_surrogate_ - 0xD800) << 10) + (value - 0xDC00);
      from = high_from_;
      high_surrogate_.reset();
    } else if (value >= 0xD800 && value <= 0xDBFF) {
      high_surrogate_ = value;
      high_from_ = from;
      return true;
    } else if (value >= 0xDC00 && value <= 0xDFFF) {
      return false;
    }
    if (value == 0 || value > 0x10FFFF) return false;
    append_utf8(out_.content, value);
    out_.file_offsets.resize(out_.content.size(), base_ + static_cast<uint32_t>(from));
    return true;
  }
  // Anything but the low half of a surrogate pair is refused after the high half.
  [[nodiscard]] bool awaits_low_surrogate() const { return high_surrogate_.has_value(); }
  std::optional<DecodedString> finish() {
    if (high_surrogate_) return std::nullopt;
    return std::move(out_);
  }

 private:
  uint32_t base_;
  DecodedString out_;
  std::optional<uint32_t> high_surrogate_;
  size_t high_from_ = 0;
};

// A quote at inside[i], in the text between a string constant's quotes: a doubled quote, which stands
// for one, or the end of a part the next line continues ('…'\n'…'), which adds nothing. Moves `i`
// past it; false for anything else, which PostgreSQL would not have read as one string.
bool quote(Decoder& out, std::string_view inside, size_t& i) {
  if (i + 1 < inside.size() && inside[i + 1] == '\'') {
    out.byte('\'', i);
    i += 2;
    return true;
  }
  const size_t next = continuing_quote(inside, i);
  if (next == std::string_view::npos) return false;
  i = next + 1;
  return true;
}

// The text between the quotes of a plain string ('…').
std::optional<DecodedString> decode_plain(std::string_view inside, uint32_t base) {
  Decoder out(base);
  for (size_t i = 0; i < inside.size();) {
    if (inside[i] != '\'') {
      out.byte(inside[i], i);
      ++i;
    } else if (!quote(out, inside, i)) {
      return std::nullopt;
    }
  }
  return out.finish();
}

// The text between the quotes of an escape string (E'…'), its backslash escapes decoded as
// PostgreSQL does (\n, \t and the like, octal, \x hex, \u and \U code points, and any other
// character taken as itself); every byte decoded from an escape comes from where the escape starts.
// Nothing for an escape PostgreSQL rejects (a code point that is not one, a lone surrogate, a zero
// byte, bytes that do not make UTF-8).
std::optional<DecodedString> decode_escapes(std::string_view inside, uint32_t base) {
  Decoder out(base);
  bool raw_bytes = false;  // an octal or hex escape gave a byte of 0x80 or above
  for (size_t i = 0; i < inside.size();) {
    const size_t from = i;
    const char c = inside[i];
    const char kind = i + 1 < inside.size() ? inside[i + 1] : '\0';
    if (out.awaits_low_surrogate() && !(c == '\\' && (kind == 'u' || kind == 'U'))) return std::nullopt;
    uint32_t value = 0;
    size_t n = 0;
    if (c == '\'') {
      if (!quote(out, inside, i)) return std::nullopt;
    } else if (c != '\\' || i + 1 == inside.size()) {
      out.byte(c, from);
      ++i;
    } else if (kind >= '0' && kind <= '7') {
      i += 1 + read_digits(inside, i + 1, 3, 8, value);
      value &= 0xFF;
      if (value == 0) return std::nullopt;  // PostgreSQL refuses a zero byte
      raw_bytes |= value >= 0x80;
      out.byte(static_cast<char>(value), from);
    } else if (kind == 'x' && (n = read_digits(inside, i + 2, 2, 16, value)) > 0) {  // \x without a hex digit is x
      i += 2 + n;
      if (value == 0) return std::nullopt;
      raw_bytes |= value >= 0x80;
      out.byte(static_cast<char>(value), from);
    } else if (kind == 'u' || kind == 'U') {
      const size_t width = kind == 'u' ? 4 : 8;
      if (read_digits(inside, i + 2, width, 16, value) != width || !out.code_point(value, from)) return std::nullopt;
      i += 2 + width;
    } else {
      const char simple = kind == 'b'   ? '\b'
                          : kind == 'f' ? '\f'
                          : kind == 'n' ? '\n'
                          : kind == 'r' ? '\r'
                          : kind == 't' ? '\t'
                                        : kind;
      out.byte(simple, from);
      i += 2;
    }
  }
  auto decoded = out.finish();
  // Bytes given one by one must still make UTF-8, as PostgreSQL checks.
  if (decoded && raw_bytes && !is_valid_utf8(decoded->content)) return std::nullopt;
  return decoded;
}

// The text between the quotes of a Unicode escape string (U&'…'): `escape` followed by four hex
// digits, or by + and six, is a code point, and written twice is itself; nothing else is special.
std::optional<DecodedString> decode_unicode_escapes(std::string_view inside, uint32_t base, char escape) {
  Decoder out(base);
  for (size_t i = 0; i < inside.size();) {
    const size_t from = i;
    const char c = inside[i];
    if (out.awaits_low_surrogate() && c != escape) return std::nullopt;
    if (c == '\'') {
      if (!quote(out, inside, i)) return std::nullopt;
    } else if (c != escape) {
      out.byte(c, from);
      ++i;
    } else if (i + 1 < inside.size() && inside[i + 1] == escape) {
      out.byte(c, from);
      i += 2;
    } else {
      const bool wide = i + 1 < inside.size() && inside[i + 1] == '+';
      const size_t at = i + (wide ? 2 : 1), width = wide ? 6 : 4;
      uint32_t value = 0;
      if (read_digits(inside, at, width, 16, value) != width || !out.code_point(value, from)) return std::nullopt;
      i = at + width;
    }
  }
  return out.finish();
}

// The escape character of a U&'…' string from what follows its closing quote: nothing (a
// backslash), or UESCAPE 'c'. Nothing when that is not all there is, or `c` may not be one.
std::optional<char> unicode_escape_character(std::string_view after) {
  const auto skip_space = [&] {
    while (!after.empty() && (after.front() == ' ' || after.front() == '\t' || after.front() == '\n' ||
                              after.front() == '\r' || after.front() == '\f'))
      after.remove_prefix(1);
  };
  skip_space();
  if (after.empty()) return '\\';
  constexpr std::string_view kKeyword = "uescape";
  if (after.size() < kKeyword.size()) return std::nullopt;
  for (size_t i = 0; i < kKeyword.size(); ++i)
    if ((after[i] | 0x20) != kKeyword[i]) return std::nullopt;
  after.remove_prefix(kKeyword.size());
  skip_space();
  if (after.size() != 3 || after[0] != '\'' || after[2] != '\'') return std::nullopt;
  const char c = after[1];
  const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  if (hex || c == '+' || c == '\'' || c == '"' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')
    return std::nullopt;
  return c;
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
  if (literal.starts_with("U&'") || literal.starts_with("u&'")) {
    const size_t close = closing_quote(literal, 2);
    if (close == literal.size()) return std::nullopt;
    const std::optional<char> escape = unicode_escape_character(literal.substr(close + 1));
    if (!escape) return std::nullopt;
    return decode_unicode_escapes(literal.substr(3, close - 3), base + 3, *escape);
  }
  const bool escapes = literal.starts_with("E'") || literal.starts_with("e'");
  const size_t start = escapes ? 1 : 0;
  if (literal.size() < start + 2 || literal[start] != '\'' || literal.back() != '\'') return std::nullopt;
  const std::string_view inside = literal.substr(start + 1, literal.size() - start - 2);
  const uint32_t inside_base = base + static_cast<uint32_t>(start + 1);
  return escapes ? decode_escapes(inside, inside_base) : decode_plain(inside, inside_base);
}

}  // namespace zdlint
