#include "reporters/reporter.h"

namespace zdlint {

std::string sentence(std::string_view text) {
  std::string s(text);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.pop_back();
  if (!s.empty() && s.back() != '.' && s.back() != '!' && s.back() != '?') s += '.';
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
