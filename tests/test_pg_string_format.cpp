// zdlint's appendStringInfo for libpg_query (deps/pg_string_format.*) writes what PostgreSQL's own
// writes, byte for byte: for every conversion it formats itself, for the ones it hands back to
// PostgreSQL, onto empty and filled buffers, and past the buffer's first allocation. The reference
// is PostgreSQL's appendStringInfo itself, which the linker's --wrap leaves reachable as
// __real_appendStringInfo.
#include <doctest/doctest.h>

#include <climits>
#include <string>

#include "deps/pg_string_format.h"

extern "C" {
void* pg_query_enter_memory_context();  // libpg_query's; palloc needs a memory context
void pg_query_exit_memory_context(void* context);
void initStringInfo(PgStringInfo* str);
void __real_appendStringInfo(PgStringInfo* str, const char* fmt, ...);  // NOLINT(bugprone-reserved-identifier)
void appendStringInfo(PgStringInfo* str, const char* fmt, ...);
}

namespace {

// Two buffers in one of libpg_query's memory contexts, freed with it.
class TwoBuffers {
 public:
  TwoBuffers() : context_(pg_query_enter_memory_context()) {
    initStringInfo(&fast);
    initStringInfo(&postgres);
  }
  ~TwoBuffers() { pg_query_exit_memory_context(context_); }
  TwoBuffers(const TwoBuffers&) = delete;
  TwoBuffers& operator=(const TwoBuffers&) = delete;

  PgStringInfo fast{};
  PgStringInfo postgres{};

 private:
  void* context_;
};

std::string text_of(const PgStringInfo& str) {
  return {str.data, static_cast<size_t>(str.len)};
}

// Formats the same arguments both ways onto the two buffers and checks that they hold the same.
template <typename... Args>
void append_both(TwoBuffers& buffers, const char* fmt, Args... args) {
  INFO("format: ", fmt);
  __wrap_appendStringInfo(&buffers.fast, fmt, args...);
  __real_appendStringInfo(&buffers.postgres, fmt, args...);
  CHECK(text_of(buffers.fast) == text_of(buffers.postgres));
  CHECK(buffers.fast.data[buffers.fast.len] == '\0');
}

}  // namespace

TEST_CASE("pg_string_format: libpg_query's calls come here") {
  // With -Wl,--wrap=appendStringInfo, a reference to appendStringInfo is one to the wrapper.
  CHECK(reinterpret_cast<void*>(&appendStringInfo) == reinterpret_cast<void*>(&__wrap_appendStringInfo));
}

TEST_CASE("pg_string_format: the conversions it formats itself") {
  TwoBuffers buffers;
  append_both(buffers, "");
  append_both(buffers, "{\"version\":%d,\"stmts\":[", 150001);
  append_both(buffers, "\"location\":%d,", 0);
  append_both(buffers, "%d|%d|%d|%i", INT_MIN, INT_MAX, -1, 42);
  append_both(buffers, "%u|%u", 0U, UINT_MAX);
  append_both(buffers, "%ld|%ld|%lu|%lu", LONG_MIN, LONG_MAX, 0UL, ULONG_MAX);
  append_both(buffers, "\"relname\":\"%s\",", "accounts");
  append_both(buffers, "[%s]", "");
  append_both(buffers, "\"tgenabled\":\"%c\",", 'O');
  append_both(buffers, "100%% of %s", "rows");
  append_both(buffers, "%s%d%s%c%u", "a", 7, "b", 'c', 9U);
  append_both(buffers, "no conversion at all");
  CHECK(buffers.fast.len > 100);
}

TEST_CASE("pg_string_format: the conversions it leaves to PostgreSQL") {
  TwoBuffers buffers;
  append_both(buffers, "\\u%04x", 0x1f);  // _outToken's control characters
  append_both(buffers, "[%5d][%-5d][%05d]", 42, 42, 42);
  append_both(buffers, "[%.3s][%10s]", "abcdef", "right");
  append_both(buffers, "%f %g", 1.5, 0.25);
  append_both(buffers, "%x %X %o", 255U, 255U, 8U);
  append_both(buffers, "%lld %llu %zu", LLONG_MIN, ULLONG_MAX, size_t{12});
  append_both(buffers, "%s", static_cast<const char*>(nullptr));
  // A format it starts on itself and then hands back: what it wrote is taken back first.
  append_both(buffers, "\"name\":\"%s\",\"width\":%3d", "col", 7);
  append_both(buffers, "%d then %x", 5, 0xbeefU);
}

TEST_CASE("pg_string_format: text longer than the buffer's first allocation") {
  TwoBuffers buffers;
  const int first_allocation = buffers.fast.maxlen;
  const std::string long_text(3 * static_cast<size_t>(first_allocation) + 17, 'x');
  append_both(buffers, "\"sval\":\"%s\"", long_text.c_str());
  CHECK(buffers.fast.maxlen > first_allocation);
  for (int i = 0; i < 2000; ++i) append_both(buffers, "{\"A_Const\":{\"ival\":%d,\"location\":%d}},", i, i * 3);
  // Filled to the last byte the buffer has: the next byte must make room for itself and the NUL.
  TwoBuffers edge;
  const std::string fill(static_cast<size_t>(edge.fast.maxlen) - 2, 'y');
  append_both(edge, "%s", fill.c_str());
  CHECK(edge.fast.len == edge.fast.maxlen - 2);
  append_both(edge, "%c", 'z');
  append_both(edge, "%d", 123456);
  CHECK(edge.fast.maxlen > static_cast<int>(fill.size()) + 2);
}
