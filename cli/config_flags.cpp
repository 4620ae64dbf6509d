#include "cli/config_flags.h"

#include <fmt/format.h>

#include <iostream>
#include <sstream>

#include "rules/registry.h"

namespace zdlint::cli {

std::optional<std::filesystem::path> ConfigFlags::config_path() const {
  if (config.empty()) return std::nullopt;
  return std::filesystem::path(config);
}

void add_config_flags(CLI::App& command, ConfigFlags& flags) {
  command.add_option("--config", flags.config,
                     "Use this configuration file for every file instead of the nearest .zdlint.toml");
  flags.pg_version_option =
      command
          .add_option("--pg-version", flags.pg_version,
                      "Major version of the production PostgreSQL server (default: the config's pg_version, else 15)")
          ->check(CLI::Range(9, 18));
  flags.assume_option = command.add_flag(
      "--assume-in-transaction,!--no-assume-in-transaction", flags.assume_in_transaction,
      "Each file runs inside one transaction (as most migration runners do); --no-… overrides the config file");
  // One value per flag (repeat the flag or use commas), so `--select RULE PATH` keeps PATH a path.
  flags.select_option = command
                            .add_option("--select", flags.select,
                                        "Run only these rules (comma-separated ids); replaces the config's select")
                            ->allow_extra_args(false);
  command
      .add_option("--ignore", flags.ignore,
                  "Do not run these rules (comma-separated ids); added to the config's ignore")
      ->allow_extra_args(false);
  std::vector<std::string> runners;
  for (const auto& profile : runner_profiles()) runners.emplace_back(profile.name);
  flags.runner_option =
      command
          .add_option("--runner", flags.runner,
                      "The migration runner, for its ordering, transactions and up/down markup (default: the "
                      "config's runner, else recognised from each file's layout)")
          ->check(CLI::IsMember(runners));
  flags.fail_on_option =
      command
          .add_option("--fail-on", flags.fail_on,
                      "Lowest severity that makes the exit code 1 (default: the config's fail_on, else warning)")
          ->check(CLI::IsMember({"error", "warning", "info", "none"}));
}

bool parse_rule_list(const std::vector<std::string>& values, std::string_view flag,
                     std::set<std::string, std::less<>>& out) {
  for (const auto& value : values) {
    std::stringstream items(value);
    for (std::string id; std::getline(items, id, ',');) {
      id.erase(0, id.find_first_not_of(' '));
      id.erase(id.find_last_not_of(' ') + 1);
      if (id.empty()) continue;
      if (!find_rule(id)) {
        std::cerr << fmt::format("zdlint: error: {} names unknown rule '{}'; `zdlint rules` lists them all\n", flag,
                                 id);
        return false;
      }
      out.insert(id);
    }
  }
  return true;
}

std::optional<config::CommandLine> command_line(const ConfigFlags& flags) {
  config::CommandLine out;
  if (flags.pg_version_option->count()) out.pg_version = flags.pg_version;
  if (flags.assume_option->count()) out.assume_in_transaction = flags.assume_in_transaction;
  if (flags.fail_on_option->count()) out.fail_on = flags.fail_on;
  if (flags.runner_option->count()) out.runner = flags.runner;
  if (flags.select_option->count()) {
    out.select.emplace();
    if (!parse_rule_list(flags.select, "--select", *out.select)) return std::nullopt;
  }
  if (!parse_rule_list(flags.ignore, "--ignore", out.ignore)) return std::nullopt;
  return out;
}

bool preload_configs(config::SettingsProvider& provider, const LintPlan& plan) {
  std::vector<std::string> files;
  files.reserve(plan.files.size());
  for (const auto& file : plan.files) files.push_back(file.display_path);
  for (const auto& file : plan.infrastructure) files.push_back(file.display_path);
  // Discovery listed every directory it walked: those without a .zdlint.toml need no lookup.
  std::vector<std::string> without_config;
  for (const auto& [directory, listing] : plan.listings->all())
    if (listing.complete() && !listing.has(config::kConfigFileName))
      without_config.push_back(directory.empty() ? "." : directory);
  const auto errors = provider.preload(files, without_config);
  for (const auto& error : errors) std::cerr << error.to_string() << '\n';
  return errors.empty();
}

}  // namespace zdlint::cli
