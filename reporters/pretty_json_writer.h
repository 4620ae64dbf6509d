#pragma once
// Writes indented JSON text straight into a string, laid out byte for byte as nlohmann's
// dump(2, ' ', false, error_handler_t::replace) lays out the same document. The JSON output uses it:
// building and printing an nlohmann tree for every finding was most of that output's cost.
#include <array>
#include <charconv>
#include <concepts>
#include <string>
#include <string_view>
#include <vector>

#include "reporters/json_writer.h"

namespace zdlint {

class PrettyJsonWriter {
 public:
  // Appends to `out`, which may be emptied between calls: a large document can be streamed out in
  // pieces, since the writer only ever appends and keeps its nesting to itself.
  explicit PrettyJsonWriter(std::string& out) : out_(out) {}

  PrettyJsonWriter& begin_object() { return open('{'); }
  PrettyJsonWriter& end_object() { return close('}'); }
  PrettyJsonWriter& begin_array() { return open('['); }
  PrettyJsonWriter& end_array() { return close(']'); }

  PrettyJsonWriter& key(std::string_view name) {
    before_value();
    append_json_string(out_, name);
    out_ += ": ";
    after_key_ = true;
    return *this;
  }

  PrettyJsonWriter& value(std::string_view text) {
    before_value();
    append_json_string(out_, text);
    return *this;
  }
  // Without it a string literal would convert to bool rather than to std::string_view.
  PrettyJsonWriter& value(const char* text) { return value(std::string_view(text)); }

  PrettyJsonWriter& value(bool flag) {
    before_value();
    out_ += flag ? "true" : "false";
    return *this;
  }

  // A template, so that every integer type matches it exactly rather than converting to bool.
  PrettyJsonWriter& value(std::integral auto number) {
    before_value();
    std::array<char, 24> digits;  // 20 for UINT64_MAX, 20 for INT64_MIN with its sign
    const auto end = std::to_chars(digits.data(), digits.data() + digits.size(), number).ptr;
    out_.append(digits.data(), end);
    return *this;
  }

  PrettyJsonWriter& null() {
    before_value();
    out_ += "null";
    return *this;
  }

  // A value already written as JSON text on one line, such as a number.
  PrettyJsonWriter& raw(std::string_view json) {
    before_value();
    out_ += json;
    return *this;
  }

 private:
  PrettyJsonWriter& open(char bracket) {
    before_value();
    out_ += bracket;
    has_members_.push_back(false);
    return *this;
  }

  PrettyJsonWriter& close(char bracket) {
    // An empty object or array stays on its line, "{}" or "[]", as nlohmann prints it.
    if (has_members_.back()) new_line(has_members_.size() - 1);
    out_ += bracket;
    has_members_.pop_back();
    return *this;
  }

  void before_value() {
    if (after_key_) {  // a key's value follows it on its line
      after_key_ = false;
      return;
    }
    if (has_members_.empty()) return;
    if (has_members_.back()) out_ += ',';
    has_members_.back() = true;
    new_line(has_members_.size());
  }

  void new_line(size_t depth) {
    out_ += '\n';
    out_.append(2 * depth, ' ');
  }

  std::string& out_;
  std::vector<bool> has_members_;  // per open object or array: whether a ',' goes before the next
  bool after_key_ = false;
};

}  // namespace zdlint
