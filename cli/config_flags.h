#pragma once
// The flags that override `.zdlint.toml`, shared by `zdlint lint` and `zdlint config`. A flag only
// overrides the file when it is given, so each remembers whether it was.
#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "config/effective.h"
#include "analyzer/engine.h"
#include "config/settings_provider.h"

namespace zdlint::cli {

struct ConfigFlags {
  std::string config;  // --config FILE
  int pg_version = 15;
  bool assume_in_transaction = false;
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  std::string fail_on = "warning";
  // Set by add_config_flags; count() tells whether the flag was given.
  const CLI::Option* pg_version_option = nullptr;
  const CLI::Option* assume_option = nullptr;
  const CLI::Option* select_option = nullptr;
  const CLI::Option* fail_on_option = nullptr;
  std::string runner;
  const CLI::Option* runner_option = nullptr;

  [[nodiscard]] std::optional<std::filesystem::path> config_path() const;
};

void add_config_flags(CLI::App& command, ConfigFlags& flags);

// The given flags as config::CommandLine; nullopt after printing an error for an unknown rule id.
std::optional<config::CommandLine> command_line(const ConfigFlags& flags);

// Loads the configuration of every file the run will read (standard input under its
// --stdin-filename) and of the current directory. Prints every error as `path:line:col: error: …`
// and returns false when there is one: a bad configuration is a usage error (exit code 2).
bool preload_configs(config::SettingsProvider& provider, const LintPlan& plan);

// Rule lists accept commas and repetition: --select a,b --select c. False after printing an error
// for an unknown rule id.
bool parse_rule_list(const std::vector<std::string>& values, std::string_view flag,
                     std::set<std::string, std::less<>>& out);

}  // namespace zdlint::cli
