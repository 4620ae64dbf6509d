// libFuzzer target: arbitrary bytes as a migration file, through validation, parsing, the replay
// (catalog, lock model, session, every rule, suppressions, fingerprints) and every output format.
// The first byte picks the settings so the version- and transaction-dependent paths are reached.
// With its high bit set the rest is a migration history instead: NUL bytes separate the files,
// which are written to a directory and linted as one, so each file replays on the catalog the
// ones before it built (what a single file cannot reach: a name the history already had).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/lint_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  zdlint::fuzz::lint_and_report(data[0], std::string_view(reinterpret_cast<const char*>(data + 1), size - 1));
  return 0;
}
