#pragma once
// A lexer for the everyday part of PostgreSQL's SQL: whitespace, comments, identifiers and
// keywords, quoted identifiers, plain and dollar-quoted strings, numbers, parameters, operators and
// punctuation. It gives exactly the tokens PostgreSQL's own scanner gives (through pg_query_scan)
// for that part, at a fraction of the cost: pg_query_scan runs the scanner and then builds, packs and
// hands over a protobuf message per token.
//
// Whatever it does not cover it does not guess at: E'', B'', X'', N'' and U&'' literals, strings
// continued across lines, unterminated quotes and comments, numbers with trailing junk, characters
// outside SQL. Then it returns nothing and scan_tokens (tokens.h) asks pg_query_scan. The test
// suite and the lint fuzzer check that both give the same tokens wherever this one answers.
#include <optional>
#include <string_view>
#include <vector>

#include "parser/tokens.h"

namespace zdlint {

// The tokens of `text`, whose first byte is at file offset `base`, as pg_query_scan gives them;
// nullopt when the text holds something left to pg_query_scan.
std::optional<std::vector<Token>> lex_plain_sql(std::string_view text, uint32_t base);

}  // namespace zdlint
