// libFuzzer target: fuzz_lint's input under a configured migration runner, so that every runner's
// reading of a file is reached, not only the ones a file's name or markup makes zdlint recognise:
// its transaction and opt-out markup, up and down sections (goose, dbmate, tern, node-pg-migrate),
// Liquibase's --rollback lines, Supabase's pipeline, psql's meta-commands, and down files next to
// their ups, replayed and compared by the down comparison.
// Byte 0: the runner (its low five bits, modulo the number of runners plus one for none) and, in
// bits 5 and 6, how a history's files are named (fuzz/lint_input.h, Naming). The rest is
// fuzz_lint's input: a settings byte, then a file or a history.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "analyzer/runners.h"
#include "fuzz/lint_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  const auto runners = zdlint::runner_profiles();
  const size_t pick = (data[0] & 0x1F) % (runners.size() + 1);
  const std::string runner = pick < runners.size() ? std::string(runners[pick].name) : std::string();
  const auto naming = static_cast<zdlint::fuzz::Naming>((data[0] >> 5) & 0x3);
  zdlint::fuzz::lint_and_report(data[1], std::string_view(reinterpret_cast<const char*>(data + 2), size - 2), runner,
                                naming);
  return 0;
}
