// libFuzzer target: arbitrary bytes as SQL, through the two places where zdlint stands in for a
// libpg_query routine, each checked against the routine itself:
// - parser/tree_capture.h: the tree taken from libpg_query before it serialises it, packed with
//   protobuf-c, is byte for byte pg_query_parse_protobuf's tree (or the copy gave up, too deep);
// - parser/sql_lexer.h: where the lexer answers, pg_query_scan gives the same tokens, without an error;
// - parser/tree_fingerprint.h: each statement's fingerprint from its tree is pg_query_fingerprint's
//   of the statement's text.
// Any difference aborts, and the input is kept as a regression.
#include <pg_query.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>

#include "parser/pg_query_raii.h"
#include "parser/scanner_stall.h"
#include "parser/sql_lexer.h"
#include "parser/tree_fingerprint.h"

namespace {

void check_tree_capture(const std::string& sql, const zdlint::SharedTree& tree) {
  if (!tree) return;
  std::string packed(protobuf_c_message_get_packed_size(&tree->base), '\0');
  protobuf_c_message_pack(&tree->base, reinterpret_cast<uint8_t*>(packed.data()));
  const PgQueryProtobufParseResult protobuf = pg_query_parse_protobuf(sql.c_str());
  const bool same = !protobuf.error && packed == std::string(protobuf.parse_tree.data, protobuf.parse_tree.len);
  pg_query_free_protobuf_parse_result(protobuf);
  if (!same) std::abort();
}

// Each statement's fingerprint from its tree is pg_query_fingerprint's of its text alone.
void check_fingerprints(const std::string& sql, const zdlint::SharedTree& tree) {
  if (!tree) return;
  for (size_t i = 0; i < tree->n_stmts; ++i) {
    const PgQuery__RawStmt& raw = *tree->stmts[i];
    if (!raw.stmt) continue;
    const std::optional<std::string> from_tree = zdlint::tree_fingerprint(*raw.stmt);
    if (!from_tree) continue;  // left to pg_query_fingerprint
    const auto begin = static_cast<size_t>(raw.stmt_location);
    const std::string text =
        sql.substr(begin, raw.stmt_len > 0 ? static_cast<size_t>(raw.stmt_len) : std::string::npos);
    const PgQueryFingerprintResult expected = pg_query_fingerprint(text.c_str());
    const bool same = !expected.error && expected.fingerprint_str && *from_tree == expected.fingerprint_str;
    pg_query_free_fingerprint_result(expected);
    if (!same) std::abort();
  }
}

void check_lexer(const std::string& sql) {
  const auto mine = zdlint::lex_plain_sql(sql, 0);
  if (!mine || zdlint::find_scanner_stall(sql)) return;  // pg_query_scan is not asked: it would take minutes
  const zdlint::ScanOutcome postgres = zdlint::scan_with_postgres(sql, 0);
  bool same = !postgres.error_offset && postgres.tokens.size() == mine->size();
  for (size_t i = 0; same && i < mine->size(); ++i)
    same = (*mine)[i].begin == postgres.tokens[i].begin && (*mine)[i].end == postgres.tokens[i].end &&
           (*mine)[i].kind == postgres.tokens[i].kind;
  if (!same) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string sql(reinterpret_cast<const char*>(data), size);
  const std::string statements(sql.c_str());  // libpg_query reads up to the first NUL
  const zdlint::ParseTreeResult parsed(statements.c_str());
  const zdlint::SharedTree tree = parsed.tree();
  check_tree_capture(statements, tree);
  check_fingerprints(statements, tree);
  check_lexer(sql);
  return 0;
}
