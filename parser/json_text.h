#pragma once
// Small readers of JSON text, for the two JSON documents libpg_query writes that zdlint reads
// without a document model: parse trees (json_tree.h) and PL/pgSQL functions (plpgsql.cpp).
#include <string>

namespace zdlint {

// Reads a JSON string whose opening quote is just before `at`, escapes decoded, into `out`; `at`
// ends past the closing quote. False when the text ends first or holds an escape JSON does not have.
bool read_json_string_body(const char*& at, const char* end, std::string& out);

}  // namespace zdlint
