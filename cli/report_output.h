#pragma once
// What the subcommands that write a report share: the destination (standard output or --output
// FILE), whether to colour it, and the input problems printed to standard error.
#include <fstream>
#include <ostream>
#include <string>

#include "analyzer/engine.h"

namespace zdlint::cli {

class ReportOutput {
 public:
  // Opens --output FILE (empty: standard output). False, after saying why, when it cannot be written.
  bool open(const std::string& path);
  std::ostream& stream();
  [[nodiscard]] bool to_stdout() const { return path_.empty(); }
  // Flushes. False, after saying why, when writing failed.
  bool finish();

 private:
  std::string path_;
  std::ofstream file_;
};

// --color auto|always|never; auto colours only a terminal and honours NO_COLOR (https://no-color.org).
bool use_color(const std::string& mode, bool to_terminal);

// "zdlint: error: PATH: message" for each unreadable, binary or empty input; warnings unless quiet.
void print_problems(const LintResult& result, bool quiet);

}  // namespace zdlint::cli
