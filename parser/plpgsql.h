#pragma once
// SQL statements inside PL/pgSQL: DO blocks and LANGUAGE plpgsql function bodies.
//
// pg_query_parse_plpgsql has no protobuf form: the statements are read from its JSON. Static SQL
// and EXECUTE of a string literal become Statements with file positions, so rules see a
// CREATE INDEX inside a DO block exactly as they see one at top level. A body without a keyword
// any SQL statement starts with is not compiled, and a body is compiled without checking each of
// its statements and expressions with PostgreSQL's grammar: zdlint parses those it takes itself,
// and one that does not parse is left out, not the whole body (plpgsql.cpp).
#include <vector>

#include "parser/statement.h"

namespace zdlint {

bool may_embed_plpgsql(const Statement& host);
// The statements of host's body, in order. Sets host.body_not_compiled when the body may hold SQL
// but could not be compiled.
std::vector<Statement> extract_plpgsql_statements(const SourceFile& file, Statement& host);

}  // namespace zdlint
