#include "parser/sql_lexer.h"

#include <pg_query/pg_query.pb-c.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <string>
#include <vector>

namespace zdlint {
namespace {

// PostgreSQL's keywords with their token kinds, from the Token enum libpg_query's scanner reports:
// the kinds from ABORT_P to ZONE are the keywords, named as the keyword in capitals, some with a
// `_P` suffix (NULL_P, TRUE_P) that the keyword itself does not have.
class KeywordTable {
 public:
  KeywordTable() {
    const ProtobufCEnumDescriptor& tokens = pg_query__token__descriptor;
    for (unsigned i = 0; i < tokens.n_values; ++i) {
      const ProtobufCEnumValue& value = tokens.values[i];
      if (value.value < PG_QUERY__TOKEN__ABORT_P || value.value > PG_QUERY__TOKEN__ZONE) continue;
      std::string word(value.name);
      if (word.ends_with("_P")) word.resize(word.size() - 2);
      for (char& c : word) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      longest_ = std::max(longest_, word.size());
      words_.push_back({std::move(word), value.value});
    }
    // Open addressing with linear probing, at most a quarter full: a lookup (one for every word of
    // every file) mostly compares one entry. std::unordered_map's hash and bucket division cost more.
    slots_.assign(std::bit_ceil(words_.size() * 4), nullptr);
    for (const Keyword& keyword : words_) {
      size_t at = hash(keyword.word) & (slots_.size() - 1);
      while (slots_[at]) at = (at + 1) & (slots_.size() - 1);
      slots_[at] = &keyword;
    }
  }

  // The keyword's kind, or IDENT; keywords match without regard to ASCII case, as PostgreSQL's do.
  [[nodiscard]] int32_t kind_of(std::string_view word) const {
    if (word.size() > longest_) return PG_QUERY__TOKEN__IDENT;
    char lower[64];
    uint64_t h = kHashStart;  // of the folded word, as it is folded
    for (size_t i = 0; i < word.size(); ++i) {
      const char c = word[i];
      lower[i] = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      h = hash_step(h, lower[i]);
    }
    const std::string_view folded(lower, word.size());
    for (size_t at = finish(h) & (slots_.size() - 1);; at = (at + 1) & (slots_.size() - 1)) {
      const Keyword* keyword = slots_[at];
      if (!keyword) return PG_QUERY__TOKEN__IDENT;
      if (keyword->word == folded) return keyword->kind;
    }
  }

 private:
  struct Keyword {
    std::string word;  // lower case
    int32_t kind;
  };

  // FNV-1a.
  static constexpr uint64_t kHashStart = 0xcbf29ce484222325ULL;
  static uint64_t hash_step(uint64_t h, char c) { return (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL; }
  static size_t finish(uint64_t h) { return static_cast<size_t>(h ^ (h >> 32)); }
  static size_t hash(std::string_view word) {
    uint64_t h = kHashStart;
    for (const char c : word) h = hash_step(h, c);
    return finish(h);
  }

  std::vector<Keyword> words_;  // not resized once slots_ points into it
  std::vector<const Keyword*> slots_;
  size_t longest_ = 0;
};

// What each byte can be, looked up once per byte: the lexer asks of every byte of every file.
enum CharClass : uint8_t { kSpace = 1, kDigit = 2, kIdentStart = 4, kIdentChar = 8 };
constexpr std::array<uint8_t, 256> kCharClasses = [] {
  std::array<uint8_t, 256> classes{};
  for (const unsigned char c : {' ', '\t', '\n', '\r', '\f'}) classes[c] = kSpace;
  for (unsigned c = 0; c < 256; ++c) {
    const bool digit = c >= '0' && c <= '9';
    const bool start = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    if (digit) classes[c] |= kDigit;
    if (start) classes[c] |= kIdentStart;
    if (start || digit || c == '$') classes[c] |= kIdentChar;
  }
  return classes;
}();
bool is_class(char c, CharClass wanted) {
  return (kCharClasses[static_cast<unsigned char>(c)] & wanted) != 0;
}

bool is_space(char c) {
  return is_class(c, kSpace);
}
bool is_digit(char c) {
  return is_class(c, kDigit);
}
bool is_ident_start(char c) {
  return is_class(c, kIdentStart);
}
bool is_ident_char(char c) {
  return is_class(c, kIdentChar);
}
bool is_dollar_tag_char(char c) { return is_ident_start(c) || is_digit(c); }
// '?' is one too, but libpg_query's scanner treats it specially: left to it.
bool is_operator_char(char c) { return c != '\0' && std::strchr("~!@#^&|`+-*/%<>=", c) != nullptr; }
// Characters PostgreSQL returns as tokens of their own.
bool is_self_char(char c) { return c != '\0' && std::strchr(",()[].;:+-*/%^<>=", c) != nullptr; }

class Lexer {
 public:
  Lexer(std::string_view text, uint32_t base) : text_(text), base_(base) {}

  std::optional<std::vector<Token>> run() {
    static const KeywordTable keywords;
    while (true) {
      while (at_ < text_.size() && is_space(text_[at_])) ++at_;
      if (at_ == text_.size()) return std::move(tokens_);
      const size_t start = at_;
      const char c = text_[at_];
      int32_t kind = 0;
      if (c == '-' && peek(1) == '-') {
        while (at_ < text_.size() && text_[at_] != '\n' && text_[at_] != '\r') ++at_;
        kind = PG_QUERY__TOKEN__SQL_COMMENT;
      } else if (c == '/' && peek(1) == '*') {
        if (!block_comment()) return std::nullopt;
        kind = PG_QUERY__TOKEN__C_COMMENT;
      } else if (is_ident_start(c)) {
        // E'…', B'…', X'…', N'…' and U&'…' literals are PostgreSQL's longer matches: left to it.
        if ((peek(1) == '\'' && std::strchr("eEbBxXnN", c)) || ((c == 'u' || c == 'U') && peek(1) == '&'))
          return std::nullopt;
        while (at_ < text_.size() && is_ident_char(text_[at_])) ++at_;
        kind = keywords.kind_of(text_.substr(start, at_ - start));
      } else if (c == '"') {
        if (!quoted_identifier()) return std::nullopt;
        kind = PG_QUERY__TOKEN__IDENT;
      } else if (c == '\'') {
        if (!quoted_string()) return std::nullopt;
        kind = PG_QUERY__TOKEN__SCONST;
      } else if (c == '$') {
        if (!dollar(kind)) return std::nullopt;
      } else if (is_digit(c) || (c == '.' && is_digit(peek(1)))) {
        if (!number(kind)) return std::nullopt;
      } else if (c == ':' && peek(1) == ':') {
        at_ += 2;
        kind = PG_QUERY__TOKEN__TYPECAST;
      } else if (c == ':' && peek(1) == '=') {
        at_ += 2;
        kind = PG_QUERY__TOKEN__COLON_EQUALS;
      } else if (c == '.' && peek(1) == '.') {
        at_ += 2;
        kind = PG_QUERY__TOKEN__DOT_DOT;
      } else if (is_operator_char(c)) {
        if (!operator_token(kind)) return std::nullopt;
      } else if (is_self_char(c)) {
        ++at_;
        kind = c;
      } else {
        return std::nullopt;  // a character outside SQL: PostgreSQL's scanner decides
      }
      tokens_.push_back({base_ + static_cast<uint32_t>(start), base_ + static_cast<uint32_t>(at_), kind});
    }
  }

 private:
  [[nodiscard]] char peek(size_t ahead) const { return at_ + ahead < text_.size() ? text_[at_ + ahead] : '\0'; }

  // /* … */, nested as PostgreSQL nests them.
  bool block_comment() {
    int depth = 0;
    while (at_ + 1 < text_.size()) {
      if (text_[at_] == '/' && text_[at_ + 1] == '*') {
        ++depth;
        at_ += 2;
      } else if (text_[at_] == '*' && text_[at_ + 1] == '/') {
        at_ += 2;
        if (--depth == 0) return true;
      } else {
        ++at_;
      }
    }
    return false;  // unterminated
  }

  // Past the closing `quote` of a quoted run in which a doubled quote stands for itself; false
  // when it is not closed.
  bool skip_quoted(char quote) {
    ++at_;
    while (true) {
      const size_t close = text_.find(quote, at_);
      if (close == std::string_view::npos) return false;
      at_ = close + 1;
      if (peek(0) != quote) return true;
      ++at_;
    }
  }

  bool quoted_identifier() {
    const size_t start = at_;
    return skip_quoted('"') && at_ - start > 2;  // "" is an error in PostgreSQL
  }

  // '…'; one that goes on in a following string is left to PostgreSQL, which joins the two.
  bool quoted_string() { return skip_quoted('\'') && !string_continues(at_); }

  // Whether a string ending at `next` goes on in another: after a newline, with only spaces and
  // -- comments between (PostgreSQL's quotecontinue). A vertical tab, which PostgreSQL may count as
  // a space, is taken as a yes.
  [[nodiscard]] bool string_continues(size_t next) const {
    while (next < text_.size() && (text_[next] == ' ' || text_[next] == '\t' || text_[next] == '\f')) ++next;
    if (next < text_.size() && text_[next] == '\v') return true;
    if (next == text_.size() || (text_[next] != '\n' && text_[next] != '\r')) return false;
    while (next < text_.size()) {
      if (is_space(text_[next])) {
        ++next;
      } else if (text_[next] == '-' && next + 1 < text_.size() && text_[next + 1] == '-') {
        next = text_.find_first_of("\n\r", next);
        if (next == std::string_view::npos) return false;
      } else {
        break;
      }
    }
    return next < text_.size() && (text_[next] == '\'' || text_[next] == '\v');
  }

  // $1 (a parameter) or $tag$…$tag$ (a dollar-quoted string).
  bool dollar(int32_t& kind) {
    if (is_digit(peek(1))) {
      ++at_;
      while (at_ < text_.size() && is_digit(text_[at_])) ++at_;
      if (at_ < text_.size() && is_ident_char(text_[at_])) return false;  // $1abc: PostgreSQL's error
      kind = PG_QUERY__TOKEN__PARAM;
      return true;
    }
    size_t tag_end = at_ + 1;
    if (tag_end < text_.size() && is_dollar_tag_char(text_[tag_end]) && !is_digit(text_[tag_end]))
      while (tag_end < text_.size() && is_dollar_tag_char(text_[tag_end])) ++tag_end;
    if (tag_end >= text_.size() || text_[tag_end] != '$') return false;
    const std::string_view tag = text_.substr(at_, tag_end + 1 - at_);
    const size_t close = text_.find(tag, tag_end + 1);
    if (close == std::string_view::npos) return false;  // unterminated
    at_ = close + tag.size();
    kind = PG_QUERY__TOKEN__SCONST;
    return true;
  }

  // 12 (ICONST when it fits 32 bits, else FCONST), 1.5, .5, 1., 1e10, 1.5E-3; 1..2 is 1 then `..`.
  bool number(int32_t& kind) {
    const size_t start = at_;
    while (at_ < text_.size() && is_digit(text_[at_])) ++at_;
    bool integer = true;
    if (peek(0) == '.' && peek(1) != '.') {
      integer = false;
      ++at_;
      while (at_ < text_.size() && is_digit(text_[at_])) ++at_;
    }
    if (peek(0) == 'e' || peek(0) == 'E') {
      size_t exponent = at_ + 1;
      if (exponent < text_.size() && (text_[exponent] == '+' || text_[exponent] == '-')) ++exponent;
      if (exponent >= text_.size() || !is_digit(text_[exponent])) return false;  // 1e, 1e+: PostgreSQL's error
      integer = false;
      at_ = exponent;
      while (at_ < text_.size() && is_digit(text_[at_])) ++at_;
    }
    if (at_ < text_.size() && is_ident_start(text_[at_])) return false;  // 12abc: trailing junk
    if (integer) {
      // PostgreSQL reads an integer too large for 32 bits as a numeric constant.
      size_t first = start;
      while (first + 1 < at_ && text_[first] == '0') ++first;
      const std::string_view digits = text_.substr(first, at_ - first);
      integer = digits.size() < 10 || (digits.size() == 10 && digits <= "2147483647");
    }
    kind = integer ? PG_QUERY__TOKEN__ICONST : PG_QUERY__TOKEN__FCONST;
    return true;
  }

  // PostgreSQL's operator rule: the longest run of operator characters, cut before a comment
  // start; a trailing + or - is given back unless the operator holds one of ~ ! @ # ^ & | ` ? %,
  // so that `a=-1` is = and -1.
  bool operator_token(int32_t& kind) {
    const size_t start = at_;
    size_t end = at_;
    while (end < text_.size() && is_operator_char(text_[end])) {
      if (end > start && ((text_[end] == '-' && end + 1 < text_.size() && text_[end + 1] == '-') ||
                          (text_[end] == '/' && end + 1 < text_.size() && text_[end + 1] == '*')))
        break;
      ++end;
    }
    std::string_view op = text_.substr(start, end - start);
    if (op.size() > 1 && op.find_first_of("~!@#^&|`?%") == std::string_view::npos)
      while (op.size() > 1 && (op.back() == '+' || op.back() == '-')) op.remove_suffix(1);
    if (op.size() >= 64) return false;  // too long: PostgreSQL's error
    at_ = start + op.size();
    if (op.size() == 1 && is_self_char(op[0])) kind = op[0];
    else if (op == "=>") kind = PG_QUERY__TOKEN__EQUALS_GREATER;
    else if (op == ">=") kind = PG_QUERY__TOKEN__GREATER_EQUALS;
    else if (op == "<=") kind = PG_QUERY__TOKEN__LESS_EQUALS;
    else if (op == "<>" || op == "!=") kind = PG_QUERY__TOKEN__NOT_EQUALS;
    else kind = PG_QUERY__TOKEN__Op;
    return true;
  }

  std::string_view text_;
  uint32_t base_;
  size_t at_ = 0;
  std::vector<Token> tokens_;
};

}  // namespace

std::optional<std::vector<Token>> lex_plain_sql(std::string_view text, uint32_t base) {
  // PostgreSQL reads the text only up to a NUL, wherever it is (in a comment too).
  if (text.find('\0') != std::string_view::npos) return std::nullopt;
  return Lexer(text, base).run();
}

}  // namespace zdlint
