#pragma once
// zdlint's appendStringInfo for libpg_query (deps/pg_string_format.cpp says why and how).

extern "C" {

// PostgreSQL's StringInfoData (lib/stringinfo.h), whose layout has been the same since PostgreSQL
// 7.4; libpg_query installs no header that declares it. `data` always holds a NUL at `len`, within
// `maxlen` bytes.
struct PgStringInfo {
  char* data;
  int len;
  int maxlen;
  int cursor;
};

// Appends `fmt` formatted with the arguments, as PostgreSQL's appendStringInfo does.
void __wrap_appendStringInfo(PgStringInfo* str, const char* fmt, ...);  // NOLINT(bugprone-reserved-identifier)

}  // extern "C"
