#pragma once
// What fuzz_lint and fuzz_runners share: one input linted as a migration file (or, with the settings
// byte's high bit set, as a history of files separated by NUL bytes, written to a directory and
// linted as one), then reported in every format. Header-only: each target is one translation unit.
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

namespace zdlint::fuzz {

inline constexpr size_t kMaxHistoryFiles = 8;

// How a history's files are named. Ups and downs alternate in the paired namings (file 2 reverts
// file 1, file 4 file 3, …), each as one family of runners pairs them (paired_down_file), so the
// down comparison sees down files; any runner may be configured with any naming.
enum class Naming : uint8_t {
  Versioned,       // V1__part.sql, V2__part.sql, …: no down files
  UpDownSuffix,    // 1_part.up.sql, 1_part.down.sql (golang-migrate, sqlx, popx)
  UpDownInFolder,  // 1_part/up.sql, 1_part/down.sql (diesel, hasura)
  FlywayUndo,      // V1__part.sql, U1__part.sql (Flyway's undo migrations)
};

inline std::filesystem::path history_file_name(Naming naming, size_t n) {  // n counts from 1
  const std::string pair = std::to_string((n + 1) / 2);
  const bool down = n % 2 == 0;
  switch (naming) {
    case Naming::Versioned:
      return "V" + std::to_string(n) + "__part.sql";
    case Naming::UpDownSuffix:
      return pair + "_part" + (down ? ".down.sql" : ".up.sql");
    case Naming::UpDownInFolder:
      return std::filesystem::path(pair + "_part") / (down ? "down.sql" : "up.sql");
    case Naming::FlywayUndo:
      return (down ? "U" : "V") + pair + "__part.sql";
  }
  std::abort();
}

// A directory of this process's own, emptied and filled with the files of each history input
// (under $TMPDIR, which scripts/fuzz.sh points into the directory it removes at the end).
inline const std::filesystem::path& history_directory() {
  static const std::filesystem::path directory = [] {
    std::string pattern = (std::filesystem::temp_directory_path() / "zdlint-fuzz-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) std::abort();
    return std::filesystem::path(pattern);
  }();
  return directory;
}

inline void write_history(std::string_view text, Naming naming) {
  const auto& directory = history_directory();
  for (const auto& entry : std::filesystem::directory_iterator(directory)) std::filesystem::remove_all(entry.path());
  for (size_t n = 1; n <= kMaxHistoryFiles; ++n) {
    const size_t end = n == kMaxHistoryFiles ? text.size() : std::min(text.find('\0'), text.size());
    const std::filesystem::path path = directory / history_file_name(naming, n);
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text.substr(0, end);
    if (end == text.size()) break;
    text.remove_prefix(end + 1);
  }
}

// `settings`: PostgreSQL 9 + settings % 10; 0x10 a wrapping transaction assumed; 0x20 colour;
// 0x40 suppressed findings in SARIF; 0x80 `text` is a history. `runner`: configured, or "" to
// recognise it as a run does.
inline void lint_and_report(uint8_t settings, std::string_view text, const std::string& runner = {},
                            Naming naming = Naming::Versioned) {
  LintRequest request;
  if (settings & 0x80) {
    write_history(text, naming);
    request.paths = {history_directory().string()};
  } else {
    request.paths = {"-"};
    request.stdin_filename = "fuzz/V1__input é.sql";
    request.stdin_text = std::string(text);
  }
  request.settings.pg_version = 9 + settings % 10;
  request.settings.assume_in_transaction = (settings & 0x10) != 0;
  request.settings.runner = runner;
  request.jobs = 1;
  std::vector<StatementLocks> statements;
  request.on_effects = [&](FileId, const SourceFile& source, const Statement& stmt, const Session& session,
                           const StatementEffects& effects) {
    StatementLocks& entry = statements.emplace_back();
    entry.file = source.path();
    entry.line = source.position(stmt.range.begin).line;
    entry.sql = std::string(source.text().substr(stmt.range.begin, stmt.range.end - stmt.range.begin));
    entry.effects = effects;
    entry.in_transaction = session.in_transaction();
  };
  const LintResult result = run_lint(request);

  std::ostringstream sink;
  report_text(sink, result, {.color = (settings & 0x20) != 0, .quiet = false});
  report_json(sink, result);
  SarifOptions sarif;
  sarif.include_suppressed = (settings & 0x40) != 0;
  report_sarif(sink, result, sarif);
  report_github(sink, result, {});
  report_gitlab(sink, result, {});
  report_locks_text(sink, statements, (settings & 0x20) != 0);
  report_locks_json(sink, statements);
}

}  // namespace zdlint::fuzz
