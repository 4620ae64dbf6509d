#include "parser/source_file.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "parser/templates.h"

namespace zdlint {

namespace {

// Where the run of ASCII bytes from `from` ends, as far as whole words of eight show (never past
// `to`): most text is ASCII, and a byte at a time a file's validation and its findings' columns
// cost five times as many instructions.
size_t skip_ascii_words(std::string_view text, size_t from, size_t to) {
  constexpr uint64_t kHighBits = 0x8080808080808080ULL;
  while (from + sizeof(uint64_t) <= to) {
    uint64_t word;
    std::memcpy(&word, text.data() + from, sizeof word);
    if ((word & kHighBits) != 0) break;
    from += sizeof word;
  }
  return from;
}

}  // namespace

void append_utf8(std::string& out, uint32_t code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

uint32_t utf8_sequence_length(std::string_view text, size_t i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  uint32_t len = 1;
  if (lead >= 0xF0 && lead < 0xF8) len = 4;
  else if (lead >= 0xE0) len = lead < 0xF0 ? 3 : 1;
  else if (lead >= 0xC0) len = 2;
  if (i + len > text.size()) return 1;
  for (uint32_t k = 1; k < len; ++k)
    if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return 1;
  return len;
}

uint32_t count_code_points(std::string_view text) {
  uint32_t n = 0;
  for (size_t i = 0; i < text.size(); i += utf8_sequence_length(text, i)) ++n;
  return n;
}

uint32_t byte_offset_of_char(std::string_view text, uint32_t char_index) {
  size_t i = 0;
  for (uint32_t n = 0; n < char_index && i < text.size(); ++n) i += utf8_sequence_length(text, i);
  return static_cast<uint32_t>(std::min(i, text.size()));
}

Utf8Sequence utf8_sequence_at(std::string_view text, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  size_t expected = 0;
  unsigned char second_min = 0x80, second_max = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) expected = 2;
  else if (lead >= 0xE0 && lead <= 0xEF) expected = 3;
  else if (lead >= 0xF0 && lead <= 0xF4) expected = 4;
  else return {};
  if (lead == 0xE0) second_min = 0xA0;
  if (lead == 0xED) second_max = 0x9F;
  if (lead == 0xF0) second_min = 0x90;
  if (lead == 0xF4) second_max = 0x8F;
  Utf8Sequence sequence;
  while (sequence.length < expected && i + sequence.length < text.size()) {
    const unsigned char next = byte(i + sequence.length);
    const bool fits = sequence.length == 1 ? next >= second_min && next <= second_max : next >= 0x80 && next <= 0xBF;
    if (!fits) break;
    ++sequence.length;
  }
  sequence.valid = sequence.length == expected;
  return sequence;
}

bool is_valid_utf8(std::string_view text, size_t* error_offset) {
  size_t i = 0;
  while ((i = skip_ascii_words(text, i, text.size())) < text.size()) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const Utf8Sequence sequence = utf8_sequence_at(text, i);
    if (!sequence.valid) {
      if (error_offset) *error_offset = i;
      return false;
    }
    i += sequence.length;
  }
  return true;
}

namespace {

constexpr uint32_t kCheckpointSpacing = 4096;

// Characters and UTF-16 code units in text[from, to), counted as position() counts them; `from`
// is where the counting path reaches (a line start or a checkpoint), and the path's last step may
// pass `to` when `to` is inside a sequence. Returns where the path stopped.
size_t count_columns(std::string_view text, size_t from, size_t to, uint32_t& chars, uint32_t& units) {
  // An ASCII byte is one character and one UTF-16 code unit.
  const size_t ascii_end = skip_ascii_words(text, from, to);
  chars += static_cast<uint32_t>(ascii_end - from);
  units += static_cast<uint32_t>(ascii_end - from);
  size_t i = ascii_end;
  while (i < to) {
    const uint32_t len = utf8_sequence_length(text, i);
    ++chars;
    units += len == 4 ? 2 : 1;  // code points above U+FFFF take a surrogate pair
    i += len;
  }
  return i;
}

}  // namespace

LineIndex::LineIndex(std::string_view text, uint32_t first_line_start) {
  const auto next_newline = [&](size_t from) -> const char* {
    if (from >= text.size()) return nullptr;  // memchr must not see a null pointer, even for 0 bytes
    return static_cast<const char*>(std::memchr(text.data() + from, '\n', text.size() - from));
  };
  // Exactly as many as there are lines (but for lone '\r' breaks): a large file's index would
  // otherwise be up to twice its size.
  size_t newlines = 0;
  for (const char* at = next_newline(0); at; at = next_newline(static_cast<size_t>(at - text.data()) + 1)) ++newlines;
  line_starts_.reserve(newlines + 1);
  line_starts_.push_back(first_line_start);
  if (text.find('\r') == std::string_view::npos) {  // most files: lines found with memchr, not byte by byte
    for (const char* at = next_newline(0); at; at = next_newline(static_cast<size_t>(at - text.data()) + 1))
      line_starts_.push_back(static_cast<uint32_t>(at - text.data() + 1));
  } else {
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') {
        line_starts_.push_back(static_cast<uint32_t>(i + 1));
      } else if (text[i] == '\r') {
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        line_starts_.push_back(static_cast<uint32_t>(i + 1));
      }
    }
  }
  for (size_t line = 0; line < line_starts_.size(); ++line) {
    const uint32_t end = line + 1 < line_starts_.size() ? line_starts_[line + 1] : static_cast<uint32_t>(text.size());
    if (end > line_starts_[line] && end - line_starts_[line] > 2 * kCheckpointSpacing)
      add_checkpoints(text, line_starts_[line], end);
  }
}

void LineIndex::add_checkpoints(std::string_view text, uint32_t start, uint32_t end) {
  uint32_t chars = 0, units = 0;
  for (size_t at = start; end - at > kCheckpointSpacing;) {
    at = count_columns(text, at, at + kCheckpointSpacing, chars, units);
    checkpoints_.push_back({static_cast<uint32_t>(at), chars, units});
  }
}

uint32_t LineIndex::line_of(uint32_t offset) const {
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return std::max<uint32_t>(1, static_cast<uint32_t>(it - line_starts_.begin()));  // a byte order mark is on line 1
}

Position LineIndex::position(std::string_view text, uint32_t offset) const {
  offset = std::clamp<uint32_t>(offset, std::min<uint32_t>(line_starts_.front(), static_cast<uint32_t>(text.size())),
                                static_cast<uint32_t>(text.size()));
  const uint32_t line = line_of(offset);
  const uint32_t start = line_starts_[line - 1];
  Position pos;
  pos.line = line;
  pos.column_bytes = offset - start + 1;
  // Counted from the line's last checkpoint before the offset, if it has one.
  uint32_t from = start, chars = 0, units = 0;
  const auto after = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), offset,
                                      [](uint32_t at, const ColumnCheckpoint& c) { return at < c.offset; });
  if (after != checkpoints_.begin() && std::prev(after)->offset > start) {
    from = std::prev(after)->offset;
    chars = std::prev(after)->chars;
    units = std::prev(after)->units;
  }
  count_columns(text, from, offset, chars, units);
  pos.column_chars = chars + 1;
  pos.column_utf16 = units + 1;
  return pos;
}

std::string_view LineIndex::line_text(std::string_view text, uint32_t line) const {
  const uint32_t start = line_starts_.at(line - 1);
  uint32_t end = line < line_starts_.size() ? line_starts_[line] : static_cast<uint32_t>(text.size());
  while (end > start && (text[end - 1] == '\n' || text[end - 1] == '\r')) --end;
  return text.substr(start, end - start);
}

namespace {

// Blanks a UTF-8 byte order mark at the start of `text`; how many bytes it took.
uint32_t blank_byte_order_mark(std::string& text) {
  if (!text.starts_with(kUtf8ByteOrderMark)) return 0;
  text.replace(0, kUtf8ByteOrderMark.size(), kUtf8ByteOrderMark.size(), ' ');
  return static_cast<uint32_t>(kUtf8ByteOrderMark.size());
}

}  // namespace

SourceFile::SourceFile(std::string display_path, std::string text, bool psql_script)
    : path_(std::move(display_path)),
      text_(std::move(text)),
      lines_(text_, blank_byte_order_mark(text_)) {  // the same length blanked: the view stays valid
  if (auto masked = mask_templates(text_)) {
    sql_ = std::move(masked->text);
    masked_placeholders_ = masked->placeholders;
    masked_ = true;
  }
  // What psql handles itself needs a backslash (a meta-command, the end of COPY data) or, in a psql
  // script, a colon (a variable): most files have neither and are not copied.
  // (One memchr pass per mark: find_first_of asks memchr about every byte of the text.)
  if (text_.find('\\') == std::string::npos && (!psql_script || text_.find(':') == std::string::npos)) return;
  std::string candidate = masked_ ? sql_ : text_;
  masked_psql_ = mask_psql(candidate, psql_script);
  if (masked_psql_.total() == 0) return;
  sql_ = std::move(candidate);
  masked_ = true;
}

}  // namespace zdlint
