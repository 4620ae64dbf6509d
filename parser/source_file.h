#pragma once
// A source file's bytes, its display path and a line index that converts byte offsets into
// the positions every output format needs (1-based lines; columns in UTF-8 bytes, Unicode code
// points or UTF-16 code units).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parser/psql_script.h"

namespace zdlint {

struct ByteRange {
  uint32_t begin = 0;
  uint32_t end = 0;  // exclusive
  [[nodiscard]] uint32_t size() const { return end - begin; }
  friend bool operator==(const ByteRange&, const ByteRange&) = default;
};

struct Position {
  uint32_t line = 1;          // 1-based
  uint32_t column_bytes = 1;  // 1-based, in UTF-8 bytes
  uint32_t column_chars = 1;  // 1-based, in Unicode code points
  uint32_t column_utf16 = 1;  // 1-based, in UTF-16 code units
};

// What a UTF-8 file may start with; SourceFile blanks it, and runner detection reads past it.
inline constexpr std::string_view kUtf8ByteOrderMark = "\xEF\xBB\xBF";

class LineIndex {
 public:
  // `first_line_start`: where line 1's first column is; a byte order mark before it is not one.
  explicit LineIndex(std::string_view text, uint32_t first_line_start = 0);
  // Lines end at "\n", "\r\n" or a lone "\r", as LSP and SARIF count them.
  [[nodiscard]] Position position(std::string_view text, uint32_t offset) const;
  // Just the 1-based line: a binary search, without counting columns.
  [[nodiscard]] uint32_t line_of(uint32_t offset) const;
  [[nodiscard]] uint32_t line_count() const { return static_cast<uint32_t>(line_starts_.size()); }
  [[nodiscard]] uint32_t line_start(uint32_t line) const { return line_starts_.at(line - 1); }
  // The line's text without its terminator.
  [[nodiscard]] std::string_view line_text(std::string_view text, uint32_t line) const;

 private:
  // Characters and UTF-16 code units from a line's start to `offset` (a sequence boundary).
  struct ColumnCheckpoint {
    uint32_t offset;
    uint32_t chars;
    uint32_t units;
  };
  // Checkpoints every few KB along the lines longer than that, so that a column on a long line
  // (a minified dump, one statement after another) is not counted from the line's start each time.
  void add_checkpoints(std::string_view text, uint32_t start, uint32_t end);

  std::vector<uint32_t> line_starts_;
  std::vector<ColumnCheckpoint> checkpoints_;  // by offset
};

using FileId = uint32_t;

class SourceFile {
 public:
  // `psql_script`: the file runs through psql (the psql or sqitch runner), so its meta-commands and
  // variables are psql's, not SQL (parser/psql_script.h).
  // A UTF-8 byte order mark at the start of `text` is blanked (three spaces, so that every offset
  // holds), and no column is counted for it: editors and code scanning count none.
  SourceFile(std::string display_path, std::string text, bool psql_script = false);
  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] std::string_view text() const { return text_; }
  // Null-terminated, for libpg_query.
  [[nodiscard]] const char* c_str() const { return text_.c_str(); }
  // What the parser reads: the text with templating placeholders (parser/templates.h) and what psql
  // reads itself (parser/psql_script.h) masked, the same length, so every offset holds in both. The
  // text itself when it has none.
  [[nodiscard]] std::string_view sql() const { return masked_ ? std::string_view(sql_) : text(); }
  [[nodiscard]] const char* sql_c_str() const { return masked_ ? sql_.c_str() : text_.c_str(); }
  [[nodiscard]] size_t masked_placeholders() const { return masked_placeholders_; }
  [[nodiscard]] const PsqlMasking& masked_psql() const { return masked_psql_; }
  [[nodiscard]] const LineIndex& lines() const { return lines_; }
  [[nodiscard]] Position position(uint32_t offset) const { return lines_.position(text_, offset); }
  [[nodiscard]] uint32_t line_of(uint32_t offset) const { return lines_.line_of(offset); }

 private:
  std::string path_;
  std::string text_;
  std::string sql_;  // masked copy, when there is something to mask
  bool masked_ = false;
  size_t masked_placeholders_ = 0;
  PsqlMasking masked_psql_;
  LineIndex lines_;
};

// Decodes one UTF-8 sequence starting at text[i]; returns its length (1 for invalid bytes).
uint32_t utf8_sequence_length(std::string_view text, size_t i);
// Number of code points in a UTF-8 string.
uint32_t count_code_points(std::string_view text);
// Byte offset of the n-th code point (0-based); clamps to the text size.
uint32_t byte_offset_of_char(std::string_view text, uint32_t char_index);
// The UTF-8 sequence at text[i], a byte of 0x80 or above: its length and whether it is complete and
// well-formed (no overlong form, surrogate or code point above U+10FFFF). An invalid one is as long
// as the part of it that still fitted: nlohmann's dump replaces that part with one U+FFFD, and
// every other invalid byte with one each (append_json_string does the same).
struct Utf8Sequence {
  size_t length = 1;
  bool valid = false;
};
Utf8Sequence utf8_sequence_at(std::string_view text, size_t i);
// Appends the UTF-8 encoding of a code point (at most U+10FFFF, not a surrogate).
void append_utf8(std::string& out, uint32_t code_point);
// Whether the text is well-formed UTF-8 (overlongs and surrogates rejected).
bool is_valid_utf8(std::string_view text, size_t* error_offset = nullptr);

}  // namespace zdlint
