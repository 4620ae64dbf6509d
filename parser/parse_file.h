#pragma once
// Turns a SourceFile into statements and syntax errors.
//
// Trees are protobuf-c's structs (pg_query.pb-c.h), which give field access that the compiler checks
// (node->index_stmt->concurrent) instead of string keys that fail silently when a name is misspelt.
// They are taken from libpg_query as it builds them, before it would serialise them, into an arena
// (tree_capture.h, unpack_arena.h): that costs less than the parse to JSON alone (bench/README.md).
#include <cstddef>
#include <functional>

#include "parser/statement.h"

namespace zdlint {

struct ParseOptions {
  // Files above this size are streamed: the engine replays each statement as it is parsed and keeps
  // none, so the peak memory is one batch's trees rather than the whole file's (1.2 GB for 50 MB of
  // SQL). A streamed file is parsed in batches (below).
  size_t streaming_threshold_bytes = 8u << 20;
  // A file up to this size is parsed in one call and scanned once; a larger one is split with the
  // scanner and parsed in batches of statements of about 256 KB. A whole file's JSON and trees take
  // some 25 times its size at once, which made a 4 MB file cost as much as an 8 MB one in batches.
  size_t whole_parse_limit_bytes = 256u << 10;
  // After this many syntax errors in a file, parsing stops with one final diagnostic, so a data
  // dump or another dialect cannot flood a report.
  size_t max_syntax_errors = 20;
  bool analyse_plpgsql = true;
};

struct ParseSink {
  std::function<void(Statement&&)> statement;
  std::function<void(SyntaxError&&)> syntax_error;
  std::function<void(Comment&&)> file_comment;
};

// Streams a file's statements in source order; memory stays bounded by one statement.
void parse_streaming(const SourceFile& file, const ParseOptions& options, const ParseSink& sink);

// Parses a whole file at once and keeps every statement.
ParsedFile parse_file(std::shared_ptr<const SourceFile> file, const ParseOptions& options);

}  // namespace zdlint
