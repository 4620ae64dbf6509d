// A faster appendStringInfo for libpg_query, put in its place at link time.
//
// libpg_query writes every parse tree out as JSON (pg_query_parse, pg_query_parse_plpgsql) with
// PostgreSQL's appendStringInfo(out, "\"field\":%d,", value), once per field of every node, and
// PostgreSQL's general printf engine behind it took as many instructions as the JSON writing
// itself (bench/README.md). The formats libpg_query passes are plain: literal text and %d, %u,
// %ld, %lu, %s and %c without flags, width or precision. This file formats those directly and hands
// any other format, unchanged, to PostgreSQL's own appendStringInfoVA, so the text written is the
// same byte for byte; tests/test_pg_string_format.cpp compares the two on every conversion.
//
// The linker sends libpg_query's calls here with -Wl,--wrap=appendStringInfo (CMakeLists.txt).
// Nothing here throws or holds a resource: PostgreSQL may leave it by longjmp when a buffer would
// pass 1 GB (enlargeStringInfo raises an error), as it would leave its own appendStringInfo.
#include "deps/pg_string_format.h"

#include <cerrno>
#include <charconv>
#include <cstdarg>
#include <cstring>

extern "C" {

// PostgreSQL's own, in libpg_query: room for `needed` more bytes and the terminating NUL.
void enlargeStringInfo(PgStringInfo* str, int needed);
int appendStringInfoVA(PgStringInfo* str, const char* fmt, va_list args);

}  // extern "C"

namespace {

void append(PgStringInfo* str, const char* bytes, size_t count) {
  if (count == 0) return;
  // The caller's strings are PostgreSQL's, below 1 GB; enlargeStringInfo checks the sum.
  if (static_cast<size_t>(str->maxlen - str->len) <= count) enlargeStringInfo(str, static_cast<int>(count));
  std::memcpy(str->data + str->len, bytes, count);
  str->len += static_cast<int>(count);
}

template <typename Integer>
void append_integer(PgStringInfo* str, Integer value) {
  char digits[24];
  const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, value);
  append(str, digits, static_cast<size_t>(end - digits));
}

// Formats `fmt` onto str; false, with str as it was, when fmt holds a conversion this does not
// handle (or a NULL %s, which PostgreSQL's printf writes in its own way).
bool append_plain_format(PgStringInfo* str, const char* fmt, va_list args) {
  const int start = str->len;
  const auto give_up = [&] {
    str->len = start;
    str->data[start] = '\0';
    return false;
  };
  for (const char* at = fmt;;) {
    // The formats are short ("\"location\":%d,"): a loop beats strchr and strlen calls.
    const char* end = at;
    while (*end != '%' && *end != '\0') ++end;
    append(str, at, static_cast<size_t>(end - at));
    if (*end == '\0') break;
    const char* spec = end + 1;
    const bool is_long = *spec == 'l';
    if (is_long) ++spec;
    switch (*spec) {
      case 'd':
      case 'i':
        if (is_long)
          append_integer(str, va_arg(args, long));
        else
          append_integer(str, va_arg(args, int));
        break;
      case 'u':
        if (is_long)
          append_integer(str, va_arg(args, unsigned long));
        else
          append_integer(str, va_arg(args, unsigned));
        break;
      case 's': {
        const char* text = is_long ? nullptr : va_arg(args, const char*);
        if (text == nullptr) return give_up();
        append(str, text, std::strlen(text));
        break;
      }
      case 'c': {
        if (is_long) return give_up();
        const char ch = static_cast<char>(va_arg(args, int));
        append(str, &ch, 1);
        break;
      }
      case '%':
        if (is_long) return give_up();
        append(str, "%", 1);
        break;
      default:  // flags, width, precision, %f, %m, %p, %x, %zu, …: PostgreSQL's printf
        return give_up();
    }
    at = spec + 1;
  }
  str->data[str->len] = '\0';  // append() left room for it
  return true;
}

}  // namespace

extern "C" void __wrap_appendStringInfo(PgStringInfo* str, const char* fmt, ...) {
  const int saved_errno = errno;  // for a %m, whatever enlarging the buffer did to it
  va_list args;
  va_start(args, fmt);
  const bool done = append_plain_format(str, fmt, args);
  va_end(args);
  if (done) return;
  // PostgreSQL's appendStringInfo: format, and when the buffer was too small, enlarge it and
  // format again from the start of the arguments.
  for (;;) {
    errno = saved_errno;
    va_start(args, fmt);
    const int needed = appendStringInfoVA(str, fmt, args);
    va_end(args);
    if (needed == 0) break;
    enlargeStringInfo(str, needed);
  }
}
