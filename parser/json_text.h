#pragma once
// Small readers of JSON text, for the JSON document libpg_query writes that zdlint reads without a
// document model: PL/pgSQL functions (plpgsql.cpp).
#include <cstdint>
#include <string>

namespace zdlint {

// Passes over JSON whitespace. libpg_query writes none, so the one test most calls make comes first.
inline void skip_json_space(const char*& at, const char* end) {
  while (at < end && static_cast<unsigned char>(*at) <= ' ' &&
         (*at == ' ' || *at == '\n' || *at == '\t' || *at == '\r'))
    ++at;
}

// Passes over whitespace and then `c` when `c` comes next; false, before whatever comes instead,
// when it does not.
inline bool consume_json_char(const char*& at, const char* end, char c) {
  skip_json_space(at, end);
  if (at == end || *at != c) return false;
  ++at;
  return true;
}

// Reads a JSON string whose opening quote is just before `at`, escapes decoded, into `out`; `at`
// ends past the closing quote. False when the text ends first or holds an escape JSON does not have.
bool read_json_string_body(const char*& at, const char* end, std::string& out);

// Reads a JSON integer at `at` (no fraction or exponent), passing over it. False when there is none,
// or when it has more than 19 digits.
bool read_json_integer(const char*& at, const char* end, int64_t& value);

}  // namespace zdlint
