#pragma once
// Output formats. Every reporter is fed from the same LintResult and the rule registry.
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "analyzer/engine.h"

namespace zdlint {

enum class OutputFormat { Text, Json };
std::optional<OutputFormat> parse_output_format(std::string_view name);

struct SeverityCounts {
  size_t errors = 0, warnings = 0, infos = 0;
};
SeverityCounts count_by_severity(const LintResult& result);

struct TextOptions {
  bool color = false;
  bool quiet = false;  // diagnostics only: no source excerpt, no summary
};

void report_text(std::ostream& out, const LintResult& result, const TextOptions& options);
void report_json(std::ostream& out, const LintResult& result);

}  // namespace zdlint
