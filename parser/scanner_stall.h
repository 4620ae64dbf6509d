#pragma once
// Text on which PostgreSQL's scanner would stall. Its rule for the start of a /* comment reads the
// whole run of operator characters after the "/*" and then puts back all but the "/*" (scan.l:
// xcstart is \/\*{op_chars}*, followed by yyless(2)), and its operator rule reads a run whole before
// cutting it at a "/*". So a run of operator characters holding many "/*" is read again from each
// of them: 250,000 nested comment openings (1 MB of "/*/*/*…*/*/*/") take the scanner about ten
// minutes, in libpg_query as on the server. Such text is not given to libpg_query at all.
#include <cstddef>
#include <optional>
#include <string_view>

namespace zdlint {

struct ScannerStall {
  size_t offset = 0;    // where the run of operator characters starts, in bytes
  size_t openings = 0;  // the "/*" in it
};

// The run that makes the scanner read more than `max_reread` bytes in all over the text's runs, or
// none. The default allows some 0.1 s; no run of real SQL comes within a thousandth of it.
std::optional<ScannerStall> find_scanner_stall(std::string_view sql, size_t max_reread = size_t{64} << 20);

}  // namespace zdlint
