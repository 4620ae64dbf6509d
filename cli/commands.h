#pragma once
// The subcommands. Each registers its options on the CLI11 app and runs when selected.
#include <CLI/CLI.hpp>

#include <functional>

namespace zdlint::cli {

// Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input errors.
constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitError = 2;

using Runner = std::function<int()>;

Runner add_lint_command(CLI::App& app);
Runner add_rules_command(CLI::App& app);
Runner add_explain_command(CLI::App& app);
Runner add_locks_command(CLI::App& app);
Runner add_config_command(CLI::App& app);

}  // namespace zdlint::cli
