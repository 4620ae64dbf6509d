#include "reporters/reporter.h"

namespace zdlint {

SentenceParts sentence_parts(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.remove_suffix(1);
  return {text, !text.empty() && text.back() != '.' && text.back() != '!' && text.back() != '?'};
}

std::string sentence(std::string_view text) {
  const SentenceParts parts = sentence_parts(text);
  std::string s(parts.kept);
  if (parts.add_period) s += '.';
  return s;
}

std::optional<OutputFormat> parse_output_format(std::string_view name) {
  if (name == "text") return OutputFormat::Text;
  if (name == "json") return OutputFormat::Json;
  if (name == "sarif") return OutputFormat::Sarif;
  if (name == "github") return OutputFormat::Github;
  if (name == "gitlab") return OutputFormat::Gitlab;
  return std::nullopt;
}

SeverityCounts count_by_severity(const LintResult& result) {
  SeverityCounts counts;
  for (const auto& d : result.diagnostics) {
    switch (d.severity) {
      case Severity::Error: ++counts.errors; break;
      case Severity::Warning: ++counts.warnings; break;
      case Severity::Info: ++counts.infos; break;
    }
  }
  return counts;
}

}  // namespace zdlint
