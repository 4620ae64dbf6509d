// libFuzzer target: arbitrary bytes as a migration file, through validation, parsing, the replay
// (catalog, lock model, session, every rule, suppressions, fingerprints) and every output format.
// The first byte picks the settings so the version- and transaction-dependent paths are reached.
// With its high bit set the rest is a migration history instead: NUL bytes separate the files,
// which are written to a directory and linted as one, so each file replays on the catalog the
// ones before it built (what a single file cannot reach: a name the history already had).
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "analyzer/engine.h"
#include "reporters/locks_reporter.h"
#include "reporters/reporter.h"

namespace {

constexpr size_t kMaxHistoryFiles = 8;

// A directory of this process's own, emptied and filled with the files of each history input
// (under $TMPDIR, which scripts/fuzz.sh points into the directory it removes at the end).
const std::filesystem::path& history_directory() {
  static const std::filesystem::path directory = [] {
    std::string pattern = (std::filesystem::temp_directory_path() / "zdlint-fuzz-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) std::abort();
    return std::filesystem::path(pattern);
  }();
  return directory;
}

void write_history(std::string_view text) {
  const auto& directory = history_directory();
  for (const auto& entry : std::filesystem::directory_iterator(directory)) std::filesystem::remove(entry.path());
  for (size_t n = 1; n <= kMaxHistoryFiles; ++n) {
    const size_t end = n == kMaxHistoryFiles ? text.size() : std::min(text.find('\0'), text.size());
    std::ofstream(directory / ("V" + std::to_string(n) + "__part.sql"), std::ios::binary) << text.substr(0, end);
    if (end == text.size()) break;
    text.remove_prefix(end + 1);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t settings = data[0];
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  zdlint::LintRequest request;
  if (settings & 0x80) {
    write_history(text);
    request.paths = {history_directory().string()};
  } else {
    request.paths = {"-"};
    request.stdin_filename = "fuzz/V1__input é.sql";
    request.stdin_text = std::string(text);
  }
  request.settings.pg_version = 9 + settings % 10;
  request.settings.assume_in_transaction = (settings & 0x10) != 0;
  request.jobs = 1;
  std::vector<zdlint::StatementLocks> statements;
  request.on_effects = [&](zdlint::FileId, const zdlint::SourceFile& source, const zdlint::Statement& stmt,
                           const zdlint::Session& session, const zdlint::StatementEffects& effects) {
    zdlint::StatementLocks& entry = statements.emplace_back();
    entry.file = source.path();
    entry.line = source.position(stmt.range.begin).line;
    entry.sql = std::string(source.text().substr(stmt.range.begin, stmt.range.end - stmt.range.begin));
    entry.effects = effects;
    entry.in_transaction = session.in_transaction();
  };
  const zdlint::LintResult result = zdlint::run_lint(request);

  std::ostringstream sink;
  zdlint::report_text(sink, result, {.color = (settings & 0x20) != 0, .quiet = false});
  zdlint::report_json(sink, result);
  zdlint::SarifOptions sarif;
  sarif.include_suppressed = (settings & 0x40) != 0;
  zdlint::report_sarif(sink, result, sarif);
  zdlint::report_github(sink, result, {});
  zdlint::report_gitlab(sink, result, {});
  zdlint::report_locks_text(sink, statements, (settings & 0x20) != 0);
  zdlint::report_locks_json(sink, statements);
  return 0;
}
