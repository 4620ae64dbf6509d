#include "parser/sql_lexer.h"

#include <pg_query/pg_query.pb-c.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

#include "parser/op_chars.h"

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
      std::string_view name(value.name);
      if (name.ends_with("_P")) name.remove_suffix(2);
      Keyword keyword{{}, static_cast<uint8_t>(name.size()), value.value};
      if (name.size() > keyword.word.size()) throw std::logic_error("a keyword longer than the table holds");
      for (size_t k = 0; k < name.size(); ++k) {
        const char c = name[k];
        // matches() folds case by setting bit 0x20, which is exact only for letters and '_'.
        if (!((c >= 'A' && c <= 'Z') || c == '_')) throw std::logic_error("a keyword with a character not in [A-Z_]");
        keyword.word[k] = static_cast<char>(c | 0x20);
      }
      longest_ = std::max<size_t>(longest_, name.size());
      words_.push_back(keyword);
    }
    // Open addressing with linear probing, at most an eighth full: most lookups look at one slot,
    // and most words that are not keywords find it empty.
    slots_.assign(std::bit_ceil(words_.size() * 8), kEmpty);
    for (size_t i = 0; i < words_.size(); ++i) {
      const Keyword& keyword = words_[i];
      size_t at = hash({keyword.word.data(), keyword.length}) & (slots_.size() - 1);
      while (slots_[at] != kEmpty) at = (at + 1) & (slots_.size() - 1);
      slots_[at] = static_cast<uint16_t>(i);
    }
  }

  // The keyword's kind, or IDENT; keywords match without regard to ASCII case, as PostgreSQL's do.
  [[nodiscard]] int32_t kind_of(std::string_view word) const {
    if (word.size() > longest_) return PG_QUERY__TOKEN__IDENT;
    for (size_t at = hash(word) & (slots_.size() - 1);; at = (at + 1) & (slots_.size() - 1)) {
      if (slots_[at] == kEmpty) return PG_QUERY__TOKEN__IDENT;
      const Keyword& keyword = words_[slots_[at]];
      if (matches(keyword, word)) return keyword.kind;
    }
  }

 private:
  struct Keyword {
    std::array<char, 24> word;  // folded as matches() folds: letters in lower case, '_' as 0x7f
    uint8_t length;
    int32_t kind;
  };
  static constexpr uint16_t kEmpty = UINT16_MAX;

  // A word's length and three of its bytes, folded to lower case: no loop over the word, which the
  // lexer asks of every word of every file. Setting bit 0x20 folds letters; '_' becomes 0x7f in
  // word and keyword alike.
  static size_t hash(std::string_view word) {
    const auto at = [&](size_t k) { return static_cast<size_t>(static_cast<unsigned char>(word[k]) | 0x20); };
    const size_t n = word.size();
    if (n == 0) return 0;
    return (n * 0x9E3779B1u) ^ (at(0) * 0x85EBCA77u) ^ (at(n - 1) * 0xC2B2AE3Du) ^ (at(n / 2) * 0x27D4EB2Fu);
  }

  // Whether `word` is the keyword (held folded), in any ASCII case. Only letters and '_' are in
  // keywords, and no other byte of a word gives one of theirs when bit 0x20 is set: '_' and DEL
  // share 0x7f, and DEL ends a word.
  static bool matches(const Keyword& keyword, std::string_view word) {
    if (keyword.length != word.size()) return false;
    for (size_t k = 0; k < word.size(); ++k)
      if ((static_cast<unsigned char>(word[k]) | 0x20) != static_cast<unsigned char>(keyword.word[k])) return false;
    return true;
  }

  std::vector<Keyword> words_;
  std::vector<uint16_t> slots_;  // indexes into words_
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
bool is_operator_char(char c) {
  return c != '?' && is_op_char(c);
}
// Characters PostgreSQL returns as tokens of their own.
bool is_self_char(char c) { return c != '\0' && std::strchr(",()[].;:+-*/%^<>=", c) != nullptr; }

// Runs of operator characters longer than this are left to PostgreSQL's scanner.
constexpr size_t kLongRun = 256;

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
        at_ = line_end(at_ + 2);
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

  // The first '\n' or '\r' from `from` on, or the end of the text: where a -- comment ends.
  [[nodiscard]] size_t line_end(size_t from) const {
    const char* begin = text_.data() + from;
    const size_t left = text_.size() - from;
    const auto* newline = static_cast<const char*>(std::memchr(begin, '\n', left));
    const size_t line = newline ? static_cast<size_t>(newline - begin) : left;
    const auto* carriage_return = static_cast<const char*>(std::memchr(begin, '\r', line));
    return from + (carriage_return ? static_cast<size_t>(carriage_return - begin) : line);
  }

  // /* … */, nested as PostgreSQL nests them. Both "/*" and "*/" hold a '*', so the comment is read
  // from one '*' to the next: one before which an unread '/' stands opens a nested comment, one
  // followed by '/' closes.
  bool block_comment() {
    at_ += 2;  // the opening "/*"
    int depth = 1;
    while (const auto* star = static_cast<const char*>(std::memchr(text_.data() + at_, '*', text_.size() - at_))) {
      const auto at = static_cast<size_t>(star - text_.data());
      if (at > at_ && text_[at - 1] == '/') {
        ++depth;
        at_ = at + 1;
      } else if (at + 1 < text_.size() && text_[at + 1] == '/') {
        at_ = at + 2;
        if (--depth == 0) return true;
      } else {
        at_ = at + 1;
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
        next = line_end(next + 2);
        if (next == text_.size()) return false;
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
      // Each token cut from a run is read to the run's end, as PostgreSQL reads it: a long run is
      // left to its scanner, which reports one that would take it too long (scanner_stall.h).
      if (end - start == kLongRun) return false;
      if (end > start && ((text_[end] == '-' && end + 1 < text_.size() && text_[end + 1] == '-') ||
                          (text_[end] == '/' && end + 1 < text_.size() && text_[end + 1] == '*')))
        break;
      ++end;
    }
    std::string_view op = text_.substr(start, end - start);
    if (op.size() > 1 && std::none_of(op.begin(), op.end(), is_op_special))
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
