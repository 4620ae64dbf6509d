#pragma once
// The migration runners `runner = "…"` accepts, and what each implies about transactions
// (../shared/reference/runners.md). For now the only effect is the default of assume_in_transaction.
#include <span>
#include <string_view>

namespace zdlint::config {

struct RunnerProfile {
  std::string_view name;
  // The runner opens a transaction around every file unless the file opts out with the runner's own
  // markup, so a non-transactional statement (CREATE INDEX CONCURRENTLY) fails without that markup.
  bool wraps_in_transaction = false;
  std::string_view why;  // one line, for `zdlint config` and the docs
};

std::span<const RunnerProfile> runner_profiles();
const RunnerProfile* find_runner(std::string_view name);

}  // namespace zdlint::config
