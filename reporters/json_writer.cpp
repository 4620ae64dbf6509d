#include "reporters/json_writer.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <charconv>
#include <cstring>

#include "parser/source_file.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace zdlint {

namespace {

// Whether any of the eight bytes in `word` needs a look of its own: a control character, '"', '\\'
// or a byte of a multi-byte UTF-8 sequence (which may be invalid).
bool needs_a_look(uint64_t word) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHighBits = 0x8080808080808080ULL;
  const auto has_zero_byte = [](uint64_t x) { return (x - kOnes) & ~x & kHighBits; };
  const uint64_t below_space = (word - kOnes * 0x20) & ~word & kHighBits;
  return ((word & kHighBits) | below_space | has_zero_byte(word ^ (kOnes * '"')) |
          has_zero_byte(word ^ (kOnes * '\\'))) != 0;
}

bool needs_a_look(unsigned char c) {
  return c < 0x20 || c >= 0x80 || c == '"' || c == '\\';
}

// The first byte from `i` on that needs a look of its own, or the end. Most of a report's text is
// plain ASCII, which this passes over sixteen bytes at a time (eight without SSE2).
size_t plain_run_end(std::string_view text, size_t i) {
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(0x20), quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
  while (text.size() - i >= sizeof(__m128i)) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    // Compared as signed: a byte from 0x80 up is negative, below a space too.
    const __m128i special = _mm_or_si128(_mm_cmplt_epi8(bytes, space),
                                         _mm_or_si128(_mm_cmpeq_epi8(bytes, quote), _mm_cmpeq_epi8(bytes, backslash)));
    if (const auto mask = static_cast<unsigned>(_mm_movemask_epi8(special)); mask != 0)
      return i + static_cast<size_t>(std::countr_zero(mask));
    i += sizeof(__m128i);
  }
#endif
  for (uint64_t word; text.size() - i >= sizeof word; i += sizeof word) {
    std::memcpy(&word, text.data() + i, sizeof word);
    if (needs_a_look(word)) break;
  }
  while (i < text.size() && !needs_a_look(static_cast<unsigned char>(text[i]))) ++i;
  return i;
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  append_json_string_content(out, text);
  out += '"';
}

void append_json_string_content(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  size_t plain = 0;  // start of the run of bytes copied as they are
  const auto flush = [&](size_t upto) { out.append(text.data() + plain, upto - plain); };
  for (size_t i = 0; (i = plain_run_end(text, i)) < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      const Utf8Sequence sequence = utf8_sequence_at(text, i);
      if (!sequence.valid) {
        flush(i);
        out += "\xEF\xBF\xBD";  // U+FFFD
        plain = i + sequence.length;
      }
      i += sequence.length;
      continue;
    }
    flush(i);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 15];
    }
    plain = ++i;
  }
  flush(text.size());
}

JsonWriter& JsonWriter::key(std::string_view name) {
  assert(std::none_of(name.begin(), name.end(), [](char c) {
    return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x80;
  }));
  before_value();
  // One append: three cost more than the few bytes they write (a report has some 100,000 keys).
  std::array<char, 64> quoted;
  if (name.size() + 3 <= quoted.size()) {
    quoted[0] = '"';
    std::memcpy(quoted.data() + 1, name.data(), name.size());
    quoted[name.size() + 1] = '"';
    quoted[name.size() + 2] = ':';
    out_.append(quoted.data(), name.size() + 3);
  } else {
    out_.append("\"").append(name).append("\":");
  }
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
  before_value();
  append_json_string(out_, text);
  return *this;
}

void append_json_number(std::string& out, uint64_t number) {
  char buffer[24];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, number);
  out.append(buffer, end);
}

JsonWriter& JsonWriter::value(uint64_t number) {
  before_value();
  append_json_number(out_, number);
  return *this;
}

JsonWriter& JsonWriter::raw(std::string_view json) {
  before_value();
  out_ += json;
  return *this;
}

JsonWriter& JsonWriter::open(char bracket) {
  before_value();
  out_ += bracket;
  has_members_.push_back(0);
  return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
  out_ += bracket;
  has_members_.pop_back();
  return *this;
}

void JsonWriter::before_value() {
  if (after_key_) {  // the value of a key: no separator
    after_key_ = false;
    return;
  }
  if (has_members_.empty()) return;
  if (has_members_.back()) out_ += ',';
  has_members_.back() = 1;
}

size_t empty_array_end(std::string_view document, std::string_view key) {
  std::string array;
  array.append("\"").append(key).append("\": []");
  return document.rfind(array) + array.size() - 1;
}

}  // namespace zdlint
