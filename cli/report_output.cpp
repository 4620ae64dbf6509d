#include "cli/report_output.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

namespace zdlint::cli {

bool ReportOutput::open(const std::string& path) {
  path_ = path;
  if (path_.empty()) return true;
  file_.open(path_, std::ios::binary | std::ios::trunc);
  if (file_) return true;
  std::cerr << fmt::format("zdlint: error: cannot write --output file '{}'\n", path_);
  return false;
}

std::ostream& ReportOutput::stream() { return to_stdout() ? std::cout : file_; }

bool ReportOutput::finish() {
  std::ostream& out = stream();
  out.flush();
  if (out) return true;
  std::cerr << "zdlint: error: writing the report failed\n";
  return false;
}

bool use_color(const std::string& mode, bool to_terminal) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  return to_terminal && isatty(STDOUT_FILENO);
}

void print_problems(const LintResult& result, bool quiet) {
  for (const auto& problem : result.problems) {
    if (!problem.is_error && quiet) continue;
    std::cerr << fmt::format("zdlint: {}: {}: {}\n", problem.is_error ? "error" : "warning", problem.path, problem.message);
  }
}

}  // namespace zdlint::cli
