#pragma once
// One SQL statement of a file: its typed parse tree, where it is, and the comments around it.
#include <pg_query/pg_query.pb-c.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parser/pg_query_raii.h"
#include "parser/source_file.h"
#include "parser/tokens.h"

namespace zdlint {

struct Comment {
  ByteRange range;
  std::string text;  // the comment without its "--" or "/* */" markers, trimmed
};

enum class StatementOrigin {
  TopLevel,
  DoBlock,       // executed when the migration runs
  FunctionBody,  // executed when the function is called, not by the migration itself
};

struct Statement {
  // The typed tree. Points into `tree`, which may be shared with the file's other statements.
  const PgQuery__Node* node = nullptr;
  std::shared_ptr<const PgQuery__ParseResult> tree;
  ByteRange range;           // first token to last token (the ';' excluded), in file bytes
  uint32_t base_offset = 0;  // file offset of the text the tree was parsed from
  // For text decoded from a quoted string (PL/pgSQL in '…', EXECUTE '…') whose bytes do not lie
  // one after another in the file: the file offset of each byte of it, and one past its end.
  std::shared_ptr<const std::vector<uint32_t>> location_offsets;
  StatementOrigin origin = StatementOrigin::TopLevel;
  // A DO block or LANGUAGE plpgsql function whose body may hold SQL, but that PL/pgSQL (as
  // libpg_query has it) could not compile: the statements in it were not checked.
  bool body_not_compiled = false;
  std::vector<Token> tokens;  // this statement's tokens, comments included, file offsets
  std::vector<Comment> leading_comments;
  std::vector<Comment> trailing_comments;  // after the statement on the line where it ends

  // A parse-tree location (relative to the parsed text) as a file offset.
  [[nodiscard]] uint32_t file_offset(int32_t location) const {
    if (location < 0) return range.begin;
    const auto index = static_cast<size_t>(location);
    if (location_offsets)
      return index < location_offsets->size() ? (*location_offsets)[index] : location_offsets->back() + 1;
    return base_offset + static_cast<uint32_t>(index);
  }
  [[nodiscard]] PgQuery__Node__NodeCase kind() const { return node ? node->node_case : PG_QUERY__NODE__NODE__NOT_SET; }
};

struct SyntaxError {
  ByteRange range;  // the offending token, or the statement when the parser gave no position
  std::string message;
  bool gave_up = false;  // the per-file limit was reached here; nothing after it was parsed
  std::string help;      // when set, what to do instead of the usual advice
};

struct ParsedFile {
  std::shared_ptr<const SourceFile> source;
  std::vector<Statement> statements;  // source order; embedded PL/pgSQL statements follow their host
  std::vector<SyntaxError> syntax_errors;
  std::vector<Comment> file_comments;  // comments after the last statement
  uint32_t top_level_statements = 0;
};

}  // namespace zdlint
