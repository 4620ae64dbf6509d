// libFuzzer target: arbitrary bytes as a migration file, through validation, parsing, the replay
// (catalog, lock model, session, every rule, suppressions, fingerprints) and every output format.
// The first byte picks the settings so the version- and transaction-dependent paths are reached.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "analyzer/engine.h"
#include "reporters/locks_reporter.h"
#include "reporters/reporter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t settings = data[0];
  zdlint::LintRequest request;
  request.paths = {"-"};
  request.stdin_filename = "fuzz/V1__input é.sql";
  request.stdin_text = std::string(reinterpret_cast<const char*>(data + 1), size - 1);
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
