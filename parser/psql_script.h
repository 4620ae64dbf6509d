#pragma once
// What psql reads in a script that is not SQL. psql handles three things itself before the server
// sees any text: backslash meta-commands (`\set`, `\i`, `\connect`, `\if`, `\gexec`, …: from the
// backslash to the end of the line), the data that follows `COPY … FROM stdin;` up to a line `\.`,
// and variable interpolation (`:var`, `:'var'`, `:"var"`). The parser gets a copy of the file with
// each of these masked in place, byte for byte, so every position holds in both: meta-commands and
// COPY data become spaces (line breaks kept; a meta-command that sends the query, such as `\gset` or
// `\gexec`, becomes the `;` that ends the statement), a variable becomes an identifier or a literal of
// the same width (`:schema` -> `_schema`, `:'name'` -> ` 'name'`). Strings, quoted identifiers,
// dollar quotes and comments are never touched.
#include <cstddef>
#include <string>
#include <string_view>

namespace zdlint {

struct PsqlMasking {
  size_t meta_commands = 0;  // meta-commands (each up to the end of its line)
  size_t copy_blocks = 0;    // COPY … FROM stdin data blocks
  size_t variables = 0;      // :var, :'var', :"var"
  [[nodiscard]] size_t total() const { return meta_commands + copy_blocks + variables; }
};

// Masks `sql` in place. COPY … FROM stdin data is masked in every file (psql and Flyway both read it
// as data); meta-commands and variables only when `psql_script` (the file runs through psql: the psql
// or sqitch runner), since elsewhere they are real errors the runner would hit.
PsqlMasking mask_psql(std::string& sql, bool psql_script);

// The text holds a psql meta-command (a backslash outside strings, quoted identifiers, dollar quotes
// and comments) or COPY … FROM stdin data: it is meant for psql.
bool looks_like_psql_script(std::string_view sql);

}  // namespace zdlint
