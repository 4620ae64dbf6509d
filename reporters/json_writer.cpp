#include "reporters/json_writer.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <charconv>
#include <cstring>

#include "parser/source_file.h"

namespace zdlint {

namespace {

// Whether any of the eight bytes in `word` needs a look of its own: a control character, '"', '\\'
// or a byte of a multi-byte UTF-8 sequence (which may be invalid). Most of a report's text is
// plain ASCII, which this skips eight bytes at a time.
bool needs_a_look(uint64_t word) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHighBits = 0x8080808080808080ULL;
  const auto has_zero_byte = [](uint64_t x) { return (x - kOnes) & ~x & kHighBits; };
  const uint64_t below_space = (word - kOnes * 0x20) & ~word & kHighBits;
  return ((word & kHighBits) | below_space | has_zero_byte(word ^ (kOnes * '"')) |
          has_zero_byte(word ^ (kOnes * '\\'))) != 0;
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  size_t plain = 0;  // start of the run of bytes copied as they are
  const auto flush = [&](size_t upto) { out.append(text.data() + plain, upto - plain); };
  for (size_t i = 0; i < text.size();) {
    if (text.size() - i >= sizeof(uint64_t)) {
      uint64_t word;
      std::memcpy(&word, text.data() + i, sizeof word);
      if (!needs_a_look(word)) {
        i += sizeof word;
        continue;
      }
    }
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
    if (c >= 0x20 && c != '"' && c != '\\') {
      ++i;
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
  out += '"';
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

JsonWriter& JsonWriter::value(uint64_t number) {
  before_value();
  char buffer[24];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, number);
  out_.append(buffer, end);
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
