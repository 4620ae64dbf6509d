#include "parser/tokens.h"

#include <algorithm>

#include "parser/pg_query_raii.h"
#include "parser/sql_lexer.h"

namespace zdlint {

bool Token::is_comment() const {
  return kind == PG_QUERY__TOKEN__SQL_COMMENT || kind == PG_QUERY__TOKEN__C_COMMENT;
}
bool Token::is_string() const { return kind == PG_QUERY__TOKEN__SCONST || kind == PG_QUERY__TOKEN__USCONST; }

namespace {

// A protobuf reader for the one message a scan returns, ScanResult { repeated ScanToken tokens = 2 }
// with ScanToken { int32 start = 1; int32 end = 2; Token token = 4; ... }: a file's tokens are read
// straight from the packed bytes, without unpacking a message per token first.
class WireReader {
 public:
  explicit WireReader(std::string_view bytes) : at_(bytes.data()), end_(bytes.data() + bytes.size()) {}
  [[nodiscard]] bool done() const { return at_ == end_; }

  bool varint(uint64_t& value) {
    value = 0;
    for (int shift = 0; shift < 64 && at_ < end_; shift += 7) {
      const auto byte = static_cast<uint8_t>(*at_++);
      value |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if (!(byte & 0x80)) return true;
    }
    return false;
  }

  bool bytes(std::string_view& out) {
    uint64_t size = 0;
    if (!varint(size) || size > static_cast<uint64_t>(end_ - at_)) return false;
    out = {at_, static_cast<size_t>(size)};
    at_ += size;
    return true;
  }

  // Skips a field of a type not read here.
  bool skip(uint64_t wire_type) {
    uint64_t ignored = 0;
    std::string_view ignored_bytes;
    switch (wire_type) {
      case 0: return varint(ignored);
      case 1: return advance(8);
      case 2: return bytes(ignored_bytes);
      case 5: return advance(4);
      default: return false;
    }
  }

 private:
  bool advance(size_t n) {
    if (static_cast<size_t>(end_ - at_) < n) return false;
    at_ += n;
    return true;
  }
  const char* at_;
  const char* end_;
};

bool decode_token(std::string_view message, uint32_t base, Token& token) {
  WireReader reader(message);
  uint64_t start = 0, end = 0, kind = 0;  // proto3 leaves out fields that are 0
  while (!reader.done()) {
    uint64_t key = 0;
    if (!reader.varint(key)) return false;
    const uint64_t field = key >> 3, wire_type = key & 7;
    const bool ok = wire_type == 0 && field == 1   ? reader.varint(start)
                    : wire_type == 0 && field == 2 ? reader.varint(end)
                    : wire_type == 0 && field == 4 ? reader.varint(kind)
                                                   : reader.skip(wire_type);
    if (!ok) return false;
  }
  token = {base + static_cast<uint32_t>(start), base + static_cast<uint32_t>(end), static_cast<int32_t>(kind)};
  return true;
}

bool decode_scan_result(std::string_view packed, uint32_t base, std::vector<Token>& tokens) {
  WireReader reader(packed);
  while (!reader.done()) {
    uint64_t key = 0;
    if (!reader.varint(key)) return false;
    if (key == ((2 << 3) | 2)) {  // tokens, length-delimited
      std::string_view message;
      if (!reader.bytes(message) || !decode_token(message, base, tokens.emplace_back())) return false;
    } else if (!reader.skip(key & 7)) {
      return false;
    }
  }
  return true;
}

// pg_query_scan gives a U&'…' string no length and a U&"…" identifier a length of one (the
// scanner looks ahead for UESCAPE): its end is found in the text, after its closing quote.
void mend_unicode_literal_ends(std::string_view text, uint32_t base, std::vector<Token>& tokens) {
  for (Token& token : tokens) {
    if (token.kind != PG_QUERY__TOKEN__USCONST && token.kind != PG_QUERY__TOKEN__UIDENT) continue;
    const size_t opening = token.begin - base + 2;  // after U&
    if (opening >= text.size() || (text[opening] != '\'' && text[opening] != '"')) continue;
    token.end = base + static_cast<uint32_t>(std::min(closing_quote(text, opening) + 1, text.size()));
  }
}

}  // namespace

size_t continuing_quote(std::string_view text, size_t close) {
  bool line_break = false;
  size_t at = close + 1;
  while (at < text.size()) {
    const char c = text[at];
    if (c == '\n' || c == '\r') {
      line_break = true;
      ++at;
    } else if (c == ' ' || c == '\t' || c == '\f' || c == '\v') {
      ++at;
    } else if (c == '-' && at + 1 < text.size() && text[at + 1] == '-') {
      while (at < text.size() && text[at] != '\n' && text[at] != '\r') ++at;
    } else {
      break;
    }
  }
  return line_break && at < text.size() && text[at] == '\'' ? at : std::string_view::npos;
}

size_t closing_quote(std::string_view text, size_t opening, bool backslash_escapes) {
  const char quote = text[opening];
  for (size_t at = opening + 1; at < text.size();) {
    if (backslash_escapes && text[at] == '\\') {
      at += 2;
    } else if (text[at] != quote) {
      ++at;
    } else if (at + 1 < text.size() && text[at + 1] == quote) {
      at += 2;
    } else if (const size_t next = quote == '\'' ? continuing_quote(text, at) : std::string_view::npos;
               next != std::string_view::npos) {
      at = next + 1;
    } else {
      return at;
    }
  }
  return text.size();
}

ScanOutcome scan_tokens(std::string_view text, uint32_t base) {
  if (auto tokens = lex_plain_sql(text, base)) return {std::move(*tokens), std::nullopt, {}};
  return scan_with_postgres(text, base);
}

ScanOutcome scan_with_postgres(std::string_view text, uint32_t base) {
  ScanOutcome out;
  const std::string owned(text);  // libpg_query wants a NUL-terminated copy
  const ScanResult result(owned.c_str());
  if (const auto* error = result.error()) {
    // The scanner reports no partial tokens; rescan the part before the error so that the
    // statements and comments in front of it are still seen.
    const uint32_t at = error->cursorpos > 0 ? byte_offset_of_char(text, static_cast<uint32_t>(error->cursorpos - 1)) : 0;
    if (at > 0 && at < text.size()) out = scan_with_postgres(text.substr(0, at), base);
    out.error_offset = base + at;
    out.error_message = error->message ? error->message : "scanner error";
    return out;
  }
  const std::string_view packed = result.packed();
  if (!decode_scan_result(packed, base, out.tokens)) {
    out.tokens.clear();  // not what this libpg_query writes; protobuf-c reads it
    const auto tree = result.unpack();
    if (!tree) return out;
    out.tokens.reserve(tree->n_tokens);
    for (size_t i = 0; i < tree->n_tokens; ++i) {
      const auto* t = tree->tokens[i];
      out.tokens.push_back({base + static_cast<uint32_t>(t->start), base + static_cast<uint32_t>(t->end),
                            static_cast<int32_t>(t->token)});
    }
  }
  mend_unicode_literal_ends(text, base, out.tokens);
  return out;
}

}  // namespace zdlint
