#include "parser/json_text.h"

#include <cstdint>

#include "parser/source_file.h"

namespace zdlint {
namespace {

bool read_hex4(const char*& at, const char* end, uint32_t& code) {
  if (end - at < 4) return false;
  for (int i = 0; i < 4; ++i) {
    const char c = *at++;
    const int digit = c >= '0' && c <= '9'   ? c - '0'
                      : c >= 'a' && c <= 'f' ? c - 'a' + 10
                      : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                             : -1;
    if (digit < 0) return false;
    code = code * 16 + static_cast<uint32_t>(digit);
  }
  return true;
}

}  // namespace

bool read_json_string_body(const char*& at, const char* end, std::string& out) {
  out.clear();
  while (at < end && *at != '"') {
    if (*at != '\\') {
      out += *at++;
      continue;
    }
    if (++at == end) return false;
    switch (const char c = *at++) {
      case '"':
      case '\\':
      case '/': out += c; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'u': {
        uint32_t code = 0;
        if (!read_hex4(at, end, code)) return false;
        if (code >= 0xD800 && code < 0xDC00) {  // a surrogate pair
          uint32_t low = 0;
          if (end - at < 2 || at[0] != '\\' || at[1] != 'u') return false;
          at += 2;
          if (!read_hex4(at, end, low) || low < 0xDC00 || low >= 0xE000) return false;
          code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
        }
        append_utf8(out, code);
        break;
      }
      default: return false;
    }
  }
  if (at == end) return false;
  ++at;  // the closing quote
  return true;
}

bool read_json_integer(const char*& at, const char* end, int64_t& value) {
  const bool negative = at < end && *at == '-';
  if (negative) ++at;
  const char* digits = at;
  uint64_t magnitude = 0;
  while (at < end && *at >= '0' && *at <= '9' && at - digits < 19) magnitude = magnitude * 10 + static_cast<uint64_t>(*at++ - '0');
  if (at == digits || (at < end && *at >= '0' && *at <= '9')) return false;
  value = static_cast<int64_t>(negative ? 0 - magnitude : magnitude);  // modular: no overflow
  return true;
}

}  // namespace zdlint
