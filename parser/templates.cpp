#include "parser/templates.h"

#include <array>
#include <cctype>

namespace zdlint {
namespace {

bool is_word(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Longest a placeholder may be: past that, `{{` or `${` is taken for text, not templating.
constexpr size_t kMaxPlaceholder = 400;

// Go template actions that produce no text.
bool is_control_action(std::string_view inner) {
  while (!inner.empty() && (inner.front() == '-' || inner.front() == ' ' || inner.front() == '\t')) inner.remove_prefix(1);
  if (inner.starts_with("/*")) return true;
  constexpr std::array<std::string_view, 9> kKeywords{"if", "else", "end", "range", "with", "define", "block", "break",
                                                      "continue"};
  size_t word = 0;
  while (word < inner.size() && is_word(inner[word])) ++word;
  const std::string_view first = inner.substr(0, word);
  for (const auto keyword : kKeywords)
    if (first == keyword) return true;
  return false;
}

// The placeholder as an identifier of exactly `width` bytes, named after its last word.
void write_identifier(std::string& out, size_t at, size_t width, std::string_view inner) {
  size_t end = inner.size();
  while (end > 0 && !is_word(inner[end - 1])) --end;
  size_t begin = end;
  while (begin > 0 && is_word(inner[begin - 1])) --begin;
  std::string name(inner.substr(begin, end - begin));
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) name = "tmpl";
  for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (size_t i = 0; i < width; ++i) out[at + i] = i < name.size() ? name[i] : '_';
}

}  // namespace

std::optional<MaskedText> mask_templates(std::string_view text) {
  const size_t first_go = text.find("{{");
  const size_t first_property = text.find("${");
  if (first_go == std::string_view::npos && first_property == std::string_view::npos) return std::nullopt;
  MaskedText masked{std::string(text), 0};
  std::string& out = masked.text;
  for (size_t i = std::min(first_go, first_property); i + 1 < text.size(); ++i) {
    if (text[i] == '{' && text[i + 1] == '{') {
      const size_t close = text.find("}}", i + 2);
      if (close == std::string_view::npos || close - i > kMaxPlaceholder) continue;
      const size_t width = close + 2 - i;
      const std::string_view inner = text.substr(i + 2, close - i - 2);
      if (is_control_action(inner)) {
        for (size_t k = i; k < i + width; ++k)
          if (out[k] != '\n' && out[k] != '\r') out[k] = ' ';
      } else {
        write_identifier(out, i, width, inner);
      }
      ++masked.placeholders;
      i += width - 1;
    } else if (text[i] == '$' && text[i + 1] == '{') {
      const size_t close = text.find('}', i + 2);
      if (close == std::string_view::npos || close - i > kMaxPlaceholder) continue;
      const std::string_view inner = text.substr(i + 2, close - i - 2);
      if (inner.empty() || inner.find_first_of("\r\n{") != std::string_view::npos) continue;
      write_identifier(out, i, close + 1 - i, inner);
      ++masked.placeholders;
      i = close;
    }
  }
  if (masked.placeholders == 0) return std::nullopt;
  return masked;
}

}  // namespace zdlint
