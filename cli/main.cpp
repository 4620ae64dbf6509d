// zdlint: a linter for PostgreSQL migrations. `lint` is the default subcommand, so
// `zdlint migrations/` and `zdlint lint migrations/` are the same.
#include <CLI/CLI.hpp>

#include <iostream>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/commands.h"

namespace {

struct Subcommand {
  std::string_view name;
  zdlint::cli::Runner (*add)(CLI::App&);
};

constexpr Subcommand kSubcommands[] = {
    {"lint", zdlint::cli::add_lint_command},       {"rules", zdlint::cli::add_rules_command},
    {"explain", zdlint::cli::add_explain_command}, {"locks", zdlint::cli::add_locks_command},
    {"config", zdlint::cli::add_config_command},
};

bool names_a_subcommand_or_global_flag(std::string_view arg) {
  for (const Subcommand& subcommand : kSubcommands) {
    if (arg == subcommand.name) return true;
  }
  return arg == "--help" || arg == "-h" || arg == "--version" || arg == "-V" || arg == "help";
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || !names_a_subcommand_or_global_flag(args.front())) args.insert(args.begin(), "lint");
  if (args.front() == "help") args.front() = "--help";

  CLI::App app{"zdlint: finds the PostgreSQL migration statements that cause downtime, before they merge.\n"
               "Run `zdlint lint --help` for the lint options; `lint` is the default subcommand.",
               "zdlint"};
  app.set_version_flag("-V,--version", std::string("zdlint ") + ZDLINT_VERSION);
  app.require_subcommand(1);
  // The first argument names the subcommand (lint when it names none), so only that one is set up:
  // the other four took 0.35 M of a one-file run's 2.55 M instructions. --help and --version come
  // before any subcommand and get all five, for the list of subcommands.
  std::vector<std::pair<const Subcommand*, zdlint::cli::Runner>> runners;
  for (const Subcommand& subcommand : kSubcommands) {
    if (args.front() == subcommand.name) runners.emplace_back(&subcommand, subcommand.add(app));
  }
  if (runners.empty()) {
    for (const Subcommand& subcommand : kSubcommands) runners.emplace_back(&subcommand, subcommand.add(app));
  }

  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return zdlint::cli::kExitError;
  }
  try {
    for (const auto& [subcommand, run] : runners) {
      if (app.got_subcommand(std::string(subcommand->name))) return run();
    }
    std::cerr << "zdlint: no subcommand to run\n";  // require_subcommand(1) makes this unreachable
    return zdlint::cli::kExitError;
  } catch (const std::exception& e) {
    std::cerr << "zdlint: internal error: " << e.what() << '\n';
    return zdlint::cli::kExitError;
  }
}
