// libFuzzer target: arbitrary bytes as a migration file, through validation, parsing, the replay
// (catalog, lock model, session, every rule, suppressions, fingerprints) and every output format.
// The first byte picks the settings so the version- and transaction-dependent paths are reached.
// It also checks that the tree read from libpg_query's JSON is the one its protobuf gives, and that
// zdlint's lexer gives PostgreSQL's tokens wherever it answers.
#include <pg_query.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "analyzer/engine.h"
#include "parser/json_tree.h"
#include "parser/sql_lexer.h"
#include "reporters/locks_reporter.h"
#include "reporters/reporter.h"

namespace {

// parser/json_tree.h: a decoded tree, packed again, is byte for byte the protobuf tree; or the
// decode gave up (and the run took the protobuf tree instead).
void check_json_tree(const std::string& sql) {
  const PgQueryParseResult json = pg_query_parse(sql.c_str());
  if (!json.error) {
    zdlint::UnpackArena arena(sql.size());
    if (const auto* tree = zdlint::decode_json_parse_tree(json.parse_tree, sql, arena)) {
      std::string repacked(protobuf_c_message_get_packed_size(&tree->base), '\0');
      protobuf_c_message_pack(&tree->base, reinterpret_cast<uint8_t*>(repacked.data()));
      const PgQueryProtobufParseResult protobuf = pg_query_parse_protobuf(sql.c_str());
      const bool same = !protobuf.error && repacked == std::string(protobuf.parse_tree.data, protobuf.parse_tree.len);
      pg_query_free_protobuf_parse_result(protobuf);
      if (!same) std::abort();
    }
  }
  pg_query_free_parse_result(json);
}

// parser/sql_lexer.h: where the lexer answers, pg_query_scan gives the same tokens without an error.
void check_lexer(const std::string& sql) {
  const auto mine = zdlint::lex_plain_sql(sql, 0);
  if (!mine) return;
  const zdlint::ScanOutcome postgres = zdlint::scan_with_postgres(sql, 0);
  bool same = !postgres.error_offset && postgres.tokens.size() == mine->size();
  for (size_t i = 0; same && i < mine->size(); ++i)
    same = (*mine)[i].begin == postgres.tokens[i].begin && (*mine)[i].end == postgres.tokens[i].end &&
           (*mine)[i].kind == postgres.tokens[i].kind;
  if (!same) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  check_json_tree(std::string(reinterpret_cast<const char*>(data + 1), size - 1).c_str());
  check_lexer(std::string(reinterpret_cast<const char*>(data + 1), size - 1));
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
