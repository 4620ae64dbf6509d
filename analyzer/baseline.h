#pragma once
// Baselines let a team adopt zdlint on an old repository: the findings that exist today are
// recorded once (--write-baseline) and only new ones are reported afterwards (--baseline). A
// finding is matched by file, rule and fingerprint (never by line), so edits that move it keep it
// matched, and each recorded entry absorbs at most one finding.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "analyzer/engine.h"

namespace zdlint {

struct BaselineEntry {
  std::string file;  // relative to the baseline file's directory, '/'-separated
  std::string rule;
  std::string fingerprint;
  std::string message;  // informational: what the finding said when it was recorded
  uint32_t line = 0;    // informational: where it was when recorded; not used for matching
};

struct Baseline {
  std::vector<BaselineEntry> entries;
};

struct BaselineError {
  std::string message;  // names the file and, for malformed JSON, the byte position
};

// Records every reported finding of `result` (suppressed ones are not findings).
Baseline make_baseline(const LintResult& result, const std::filesystem::path& baseline_file);
// Writes pretty-printed JSON, entries sorted so the file diffs well; nullopt on success.
std::optional<BaselineError> write_baseline(const Baseline& baseline, const std::filesystem::path& baseline_file);
std::optional<BaselineError> read_baseline(const std::filesystem::path& baseline_file, Baseline& out);

struct BaselineMatch {
  size_t matched = 0;  // findings removed from the result
  size_t stale = 0;    // entries that matched nothing: fixed since, or the file was renamed
};
// Removes from result.diagnostics the findings the baseline records.
BaselineMatch apply_baseline(const Baseline& baseline, const std::filesystem::path& baseline_file, LintResult& result);

}  // namespace zdlint
