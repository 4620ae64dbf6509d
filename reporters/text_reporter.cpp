// Human output, shaped like a modern compiler's: location and message, the source lines with the
// range underlined, notes, a help line, and a closing summary.
#include <fmt/format.h>

#include <algorithm>

#include "reporters/reporter.h"

namespace zdlint {
namespace {

constexpr size_t kMaxExcerptLines = 6;
constexpr uint32_t kTabWidth = 4;
// Longer lines (a one-line dump, minified SQL) are shown as a window around the range.
constexpr size_t kMaxLineBytes = 240;
constexpr size_t kContextBytes = 60;  // shown before the range's start in a window

struct Style {
  bool on;
  [[nodiscard]] std::string paint(std::string_view text, std::string_view code) const {
    if (!on) return std::string(text);
    return fmt::format("\x1b[{}m{}\x1b[0m", code, text);
  }
};

std::string_view severity_color(Severity severity) {
  switch (severity) {
    case Severity::Error: return "1;31";
    case Severity::Warning: return "1;33";
    case Severity::Info: return "1;36";
  }
  return "1";
}

uint32_t decode(std::string_view text, size_t i, uint32_t len) {
  const auto b = [&](size_t k) { return static_cast<uint32_t>(static_cast<unsigned char>(text[i + k])); };
  switch (len) {
    case 2: return ((b(0) & 0x1F) << 6) | (b(1) & 0x3F);
    case 3: return ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
    case 4: return ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
    default: return b(0);
  }
}

// Terminal columns a code point takes: East Asian wide characters and emoji take two.
uint32_t display_width(uint32_t cp) {
  if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
      (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
      (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) || (cp >= 0x1F900 && cp <= 0x1F9FF) ||
      (cp >= 0x20000 && cp <= 0x3FFFD))
    return 2;
  if ((cp >= 0x0300 && cp <= 0x036F) || cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F)) return 0;  // combining
  return 1;
}

// A source line made printable (tabs expanded, control characters shown as spaces) with, for
// each byte offset in the line, the display column where it starts.
struct RenderedLine {
  std::string text;
  std::vector<uint32_t> column_of_byte;  // size = line bytes + 1
};

RenderedLine render(std::string_view line) {
  RenderedLine out;
  out.column_of_byte.assign(line.size() + 1, 0);
  uint32_t column = 0;
  for (size_t i = 0; i < line.size();) {
    const uint32_t len = utf8_sequence_length(line, i);
    for (uint32_t k = 0; k < len; ++k) out.column_of_byte[i + k] = column;
    const char c = line[i];
    if (c == '\t') {
      const uint32_t spaces = kTabWidth - column % kTabWidth;
      out.text.append(spaces, ' ');
      column += spaces;
    } else if (len == 1 && static_cast<unsigned char>(c) < 0x20) {
      out.text.push_back(' ');
      column += 1;
    } else {
      out.text.append(line.substr(i, len));
      column += display_width(decode(line, i, len));
    }
    i += len;
  }
  out.column_of_byte[line.size()] = column;
  return out;
}

size_t utf8_boundary_at_or_before(std::string_view text, size_t offset) {
  while (offset > 0 && offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80) --offset;
  return offset;
}

// The carets under the part of `d`'s range that lies on one shown line (`text`, which starts at
// byte `start` of the file and is shown `indent` columns to the right).
void underline(std::ostream& out, const std::string& pad, const std::string& bar, const RenderedLine& rendered,
               std::string_view text, uint32_t start, size_t from, const Diagnostic& d, const Style& style,
               uint32_t indent) {
  if (from == std::string_view::npos) return;
  const size_t to = std::min<size_t>(text.size(), d.range.end > start ? d.range.end - start : 0);
  if (to <= from) return;
  const uint32_t col_from = rendered.column_of_byte[std::min(from, text.size())];
  const uint32_t col_to = rendered.column_of_byte[to];
  out << pad << ' ' << bar << ' ' << std::string(indent + col_from, ' ')
      << style.paint(std::string(std::max<uint32_t>(1, col_to - col_from), '^'), severity_color(d.severity)) << '\n';
}

void excerpt(std::ostream& out, const SourceFile& file, const Diagnostic& d, const Style& style) {
  const auto& lines = file.lines();
  const uint32_t first = file.line_of(d.range.begin);
  uint32_t last = file.line_of(d.range.end);
  // A range that ends right after a line break ends on the previous line.
  if (last > first && d.range.end == lines.line_start(last)) --last;
  const auto gutter = std::to_string(last).size();
  const std::string pad(gutter, ' ');
  const std::string bar = style.paint("|", "1;34");
  out << pad << ' ' << bar << '\n';
  const uint32_t shown_last = std::min<uint32_t>(last, first + static_cast<uint32_t>(kMaxExcerptLines) - 1);
  for (uint32_t line = first; line <= shown_last; ++line) {
    std::string_view text = lines.line_text(file.text(), line);
    uint32_t start = lines.line_start(line);
    // Underline the part of the range on this line, leading indentation excluded.
    size_t from = line == first ? d.range.begin - std::min(d.range.begin, start) : text.find_first_not_of(" \t");
    const bool cut_before = text.size() > kMaxLineBytes && from != std::string_view::npos && from > kContextBytes;
    if (text.size() > kMaxLineBytes) {
      const size_t window_begin = cut_before ? utf8_boundary_at_or_before(text, from - kContextBytes) : 0;
      const size_t window_end = utf8_boundary_at_or_before(text, std::min(text.size(), window_begin + kMaxLineBytes));
      const bool cut_after = window_end < text.size();
      text = text.substr(window_begin, window_end - window_begin);
      start += static_cast<uint32_t>(window_begin);
      if (from != std::string_view::npos) from -= std::min(from, window_begin);
      const RenderedLine rendered = render(text);
      out << style.paint(fmt::format("{:>{}}", line, gutter), "1;34") << ' ' << bar << ' '
          << (cut_before ? "..." : "") << rendered.text << (cut_after ? "..." : "") << '\n';
      underline(out, pad, bar, rendered, text, start, from, d, style, cut_before ? 3 : 0);
      continue;
    }
    const RenderedLine rendered = render(text);
    out << style.paint(fmt::format("{:>{}}", line, gutter), "1;34") << ' ' << bar << ' ' << rendered.text << '\n';
    underline(out, pad, bar, rendered, text, start, from, d, style, 0);
  }
  if (shown_last < last) out << pad << ' ' << bar << " ... (" << (last - shown_last) << " more lines)\n";
}

}  // namespace

void report_text(std::ostream& out, const LintResult& result, const TextOptions& options) {
  const Style style{options.color};
  for (const auto& d : result.diagnostics) {
    const auto& file = result.files.at(d.file);
    const auto pos = file.source->position(d.range.begin);
    out << style.paint(fmt::format("{}:{}:{}:", file.path, pos.line, pos.column_chars), "1") << ' '
        << style.paint(fmt::format("{}[{}]", to_string(d.severity), d.rule.str()), severity_color(d.severity)) << ": "
        << d.message.view() << '\n';
    if (options.quiet) continue;
    excerpt(out, *file.source, d, style);
    const std::string pad(std::to_string(file.source->line_of(d.range.end)).size(), ' ');
    for (const auto& note : d.notes) out << pad << ' ' << style.paint("= note:", "1") << ' ' << note.message << '\n';
    if (!d.help.empty()) out << pad << ' ' << style.paint("= help:", "1;32") << ' ' << d.help.view() << '\n';
    out << '\n';
  }
  if (options.quiet) return;
  const auto counts = count_by_severity(result);
  const auto plural = [](size_t n, std::string_view word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); };
  out << style.paint(fmt::format("Checked {}, {}: {}, {}, {}.", plural(result.checked_files(), "file"),
                                 plural(result.statements(), "statement"), plural(counts.errors, "error"),
                                 plural(counts.warnings, "warning"), plural(counts.infos, "info")),
                     "1")
      << '\n';
}

}  // namespace zdlint
