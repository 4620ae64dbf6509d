#pragma once
// Writes compact JSON text straight into a string. The reporters' per-result output uses it:
// building an nlohmann tree for every result and then printing it costs more than the printing.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace zdlint {

// Appends `text` as a JSON string literal: quoted, with '"', '\\' and control characters escaped
// and invalid UTF-8 replaced by U+FFFD as nlohmann's dump does with error_handler_t::replace (one
// for a sequence cut short, one for every other invalid byte).
void append_json_string(std::string& out, std::string_view text);
// The same without the quotes: what goes between them, for a string written in pieces.
void append_json_string_content(std::string& out, std::string_view text);

// Appends `number` in decimal.
void append_json_number(std::string& out, uint64_t number);

// In a pretty-printed document holding the empty array `"key": []`, the offset of that array's ']':
// a large array is written element by element between the text before it and the text from it, so
// that it never exists as one tree. The last occurrence counts: text before it may quote the key.
size_t empty_array_end(std::string_view document, std::string_view key);

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }
  // `name` is written as it is: it must need no escaping (plain ASCII without '"' or '\\'), as every
  // key zdlint writes does. Escaping a key cost more than anything else the writer does.
  JsonWriter& key(std::string_view name);
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(uint64_t number);
  // A value that is already JSON text.
  JsonWriter& raw(std::string_view json);
  // The text to append one JSON value to, written by the caller: for a value of fixed shape
  // written many times, where the writer's bookkeeping for each key costs more than its bytes.
  std::string& value_text() {
    before_value();
    return out_;
  }

 private:
  JsonWriter& open(char bracket);
  JsonWriter& close(char bracket);
  void before_value();

  std::string& out_;
  std::vector<char> has_members_;  // per open object or array: whether a ',' goes before the next
  bool after_key_ = false;
};

}  // namespace zdlint
